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
import type { AdmissionUse } from '../infrastructure/decisions/admission-token-use';
import type { TokenClaims } from '../infrastructure/security/signed-token';
import { isUuid } from '@stap/platform/ids';

export type { AdmissionUse };


/**
 * The id and ticket of a genuine, unexpired admission token, from its claims as verifyToken returned them (undefined
 * when it did not verify), so a submission checks the token's HMAC once.
 */
export function admissionUseOfClaims(claims: TokenClaims | undefined): AdmissionUse | undefined {
  const { tokenId, ticketId, tijdvakId } = claims ?? { tokenId: undefined, ticketId: undefined, tijdvakId: undefined };
  if (typeof tokenId !== 'string' || !isUuid(tokenId) || typeof ticketId !== 'string' || typeof tijdvakId !== 'string') return undefined;
  return { tokenId, ticketId, tijdvakId };
}
