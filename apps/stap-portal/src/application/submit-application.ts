// Use case: submit a STAP application. The request is checked (form, channel, admission from the waiting room), the
// facts are gathered (certificate, training and start moment from the local register read model, the person from
// the external registers at the moment of application; the provider's recognition and standing from the read model of
// provider-registry; an exclusion after fault from payment's settlement), assessApplication applies the rules that depend on this
// application alone, and the decision pipeline decides it in order of complete receipt against the ceiling.
// A failed rule is a REJECTED decision with reasons, not an error. Source: DOMAIN.md §2.1 [pub].
import { conflict, forbidden, invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { amsterdamDateOf, isValidBsn } from '@stap/regelingen';
import { assessApplication } from '../domain/assessment';
import type { Channel } from '../domain/decide-in-order';
import { rulesByVersion } from '../domain/rules-version';
import { ADMISSION_TOKEN_ALREADY_USED } from '../infrastructure/decisions/admission-token-use';
import { readApplicationFacts, type ApplicationFacts, type FactsRead } from '../infrastructure/decisions/application-facts';
import type { DecidedRecord } from '../infrastructure/decisions/decision-pipeline';
import type { TijdvakRow } from '../infrastructure/prisma/client';
import { personKey } from '../infrastructure/security/signed-token';
import type { AdmissionUse } from './admission';
import type { PortalContext } from './context';
import { recentTijdvak, statusOf } from './tijdvakken';
import { verifyAdmission } from './waiting-room';

export interface SubmitApplicationInput {
  tijdvakId: string;
  channel: Channel | undefined;
  admissionToken: string;
  certificateNumber: string;
  /** COUNTER only; online the BSN comes from the login. */
  applicantBsn: string;
  contactEmail: string;
  declaredTruthful: boolean;
}

export interface Caller {
  /** The logged-in individual's BSN (online). */
  bsn?: string;
  /** An executor officer at the counter. */
  counterOfficer: boolean;
}

function requestViolations(input: SubmitApplicationInput): Violation[] {
  const violations: Violation[] = [];
  const check = (ok: boolean, field: string, description: string) => void (ok || violations.push({ field, description }));
  check(input.tijdvakId.length > 0, 'tijdvak.tijdvak_id', 'is required');
  check(input.channel !== undefined, 'channel', 'must be ONLINE or COUNTER');
  check(/^STAP-[0-9A-Z]{4}-[0-9A-Z]{4}$/i.test(input.certificateNumber.trim()), 'enrolment_certificate_number', 'must be a certificate number like STAP-7K4M-2Q9X');
  check(input.declaredTruthful, 'declared_truthful', 'the applicant must declare the information true and complete');
  check(input.contactEmail === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.contactEmail), 'contact_email', 'must be an e-mail address');
  if (input.channel === 'ONLINE') {
    check(input.applicantBsn === '', 'applicant_bsn', 'must be empty online: the BSN comes from the login');
    check(input.admissionToken.length > 0, 'admission_token', 'is required online (from the waiting room)');
  }
  if (input.channel === 'COUNTER') check(isValidBsn(input.applicantBsn), 'applicant_bsn.value', 'must be a BSN of 9 digits passing the elfproef');
  return violations;
}

/**
 * Who the applicant is and, online, their place in the queue and the admission token's use, which the decision
 * pipeline spends (single use). The token is verified once here (HMAC), not again per step.
 */
function applicantOf(ctx: PortalContext, input: SubmitApplicationInput, caller: Caller): { bsn: string; queuePosition: number | null; admission?: AdmissionUse } {
  if (input.channel === 'COUNTER') {
    if (!caller.counterOfficer) throw forbidden('scope portal:counter is required for counter applications');
    return { bsn: input.applicantBsn, queuePosition: null };
  }
  if (!caller.bsn) throw forbidden('online applications need a DigiD login');
  const admission = verifyAdmission(ctx, input.admissionToken, input.tijdvakId, personKey(ctx.secret, caller.bsn));
  if (!admission) throw forbidden('the admission token is missing, expired or for another tijdvak or person');
  return { bsn: caller.bsn, queuePosition: admission.position, admission: admission.use };
}

/** The certificate read with the facts, when it exists and is unused. */
function unusedCertificateFacts(read: FactsRead): ApplicationFacts {
  const facts = read.facts;
  if (!facts) throw notFoundError('no such enrolment certificate');
  if (facts.certificate.usedByApplicationId) {
    throw conflict('this enrolment certificate was already used in an application', [{ field: 'enrolment_certificate_number', description: 'was already used' }]);
  }
  return facts;
}

async function openTijdvak(ctx: PortalContext, id: string): Promise<TijdvakRow> {
  const tijdvak = await recentTijdvak(ctx, id);
  const status = statusOf(tijdvak, ctx.now());
  if (status !== 'OPEN' && status !== 'CEILING_REACHED') throw preconditionFailed(`tijdvak ${id} is not open for applications`, 'TIJDVAK_NOT_OPEN');
  return tijdvak;
}

export async function submitApplication(ctx: PortalContext, input: SubmitApplicationInput, caller: Caller): Promise<DecidedRecord> {
  const violations = requestViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the application has invalid fields');
  const applicant = applicantOf(ctx, input, caller);
  const admission = applicant.admission;
  // Certificate, training, start moment, provider standing, exclusion and whether the token was spent: one read
  // (batched with the submissions arriving together), in parallel with the (cached) tijdvak.
  const tijdvakRead = openTijdvak(ctx, input.tijdvakId);
  tijdvakRead.catch(() => undefined); // awaited below, after the token check; never an unhandled rejection meanwhile
  const read = await readApplicationFacts(ctx.pool, input.certificateNumber.trim().toUpperCase(), applicant.bsn, admission?.tokenId);
  // A replayed token stops here, before anything else is checked and before the external registers are asked; the
  // decision batch stays the authority for two uses at the same moment (application/admission.ts).
  if (read.admissionSpent) throw forbidden(ADMISSION_TOKEN_ALREADY_USED);
  const tijdvak = await tijdvakRead;
  const facts = unusedCertificateFacts(read);
  const rules = rulesByVersion(tijdvak.rulesVersion);
  const receivedAt = ctx.now();
  const person = await ctx.registers.personFacts(applicant.bsn, amsterdamDateOf(receivedAt), amsterdamDateOf(tijdvak.opensAt), rules);
  const assessment = assessApplication({
    receivedAt,
    tijdvak: { id: tijdvak.id, opensAt: tijdvak.opensAt, closesAt: tijdvak.closesAt },
    person,
    certificate: facts.certificate,
    training: facts.training,
    provider: facts.provider,
    excludedUntil: facts.excludedUntil,
    rules,
  });
  return ctx.decisions.decide({
    tijdvakId: tijdvak.id,
    channel: input.channel as Channel,
    bsn: applicant.bsn,
    certificateNumber: facts.certificate.number,
    providerId: facts.certificate.providerId,
    trainingId: facts.certificate.trainingId,
    startMomentId: facts.certificate.startMomentId,
    trainingName: facts.trainingName,
    trainingStartDate: facts.training.startDate || facts.certificate.validUntil,
    trainingEndDate: facts.endDate || facts.certificate.validUntil,
    requestedCents: facts.certificate.amountCents,
    queuePosition: applicant.queuePosition,
    contactEmail: input.contactEmail || null,
    reasons: assessment.reasons,
    amountCents: assessment.amountCents,
    admission,
  });
}
