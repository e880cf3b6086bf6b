// An admission token from the waiting room opens the application form for ONE submission. Each token carries its own
// id (tokenId, a UUID signed into the token when GetQueueTicket hands it out); submitting spends it by inserting that
// id into admission_token_use, whose primary key makes a second use impossible, also when the same token arrives at
// two portal instances at the same moment. The insert is part of the decision pipeline's transaction
// (infrastructure/decisions/admission-token-use.ts: one set-based INSERT per batch, not an autocommit per
// application): a second use is refused there before it claims a certificate, and if the submission is refused with an
// error instead of decided (the certificate was claimed meanwhile) or the batch rolls back, the token stays unspent,
// so a token is only spent on an application that was received. A later poll of the ticket hands out a new token, so
// a person whose application was rejected can still apply again in the tijdvak (a rejected application does not
// count: DOMAIN.md §2.1); one grant per person per year stays guarded by the decision pipeline and the database.
// A replayed token is refused early too, with the same PERMISSION_DENIED: the submission's facts read says whether the
// token was spent (infrastructure/decisions/application-facts.ts, in the same statement, so no round trip of its own),
// before the external registers are asked; the decision batch stays the authority for uses at the same moment.
import { forbidden } from '@stap/platform/errors';
import type { AdmissionUse } from '../infrastructure/decisions/admission-token-use';
import { verifyToken } from '../infrastructure/security/signed-token';
import type { PortalContext } from './context';
import { isUuid } from '@stap/platform/ids';

export type { AdmissionUse };


/** The id and ticket of a genuine, unexpired admission token; undefined otherwise. */
export function admissionUseOf(ctx: PortalContext, token: string): AdmissionUse | undefined {
  const claims = verifyToken(ctx.secret, token, 'admission', ctx.now().getTime());
  const { tokenId, ticketId, tijdvakId } = claims ?? { tokenId: undefined, ticketId: undefined, tijdvakId: undefined };
  if (typeof tokenId !== 'string' || !isUuid(tokenId) || typeof ticketId !== 'string' || typeof tijdvakId !== 'string') return undefined;
  return { tokenId, ticketId, tijdvakId };
}

/**
 * The token use an online submission hands to the decision pipeline, which spends it in the decision's transaction
 * (PERMISSION_DENIED there if it was used before). Counter applications (no token): none.
 */
export function admissionUseToSpend(ctx: PortalContext, input: { channel: string | undefined; admissionToken: string }): AdmissionUse | undefined {
  if (input.channel !== 'ONLINE') return undefined;
  const use = admissionUseOf(ctx, input.admissionToken);
  if (!use) throw forbidden('the admission token is missing, expired or for another tijdvak or person');
  return use;
}
