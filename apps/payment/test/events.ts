// Other services' events as their producers will publish them (proto messages of proto/stap/*/events/v1).
import { randomUUID } from 'node:crypto';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { ClaimAssessed } from '@stap/contracts/stap/advice/events/v1/events';
import { ApplicationGranted, ApplicationWithdrawn, ParticipationProofSubmitted } from '@stap/contracts/stap/portal/events/v1/events';
import { BankAccountChanged, ProviderReinstated, ProviderSuspended } from '@stap/contracts/stap/providers/events/v1/events';
import { ScholingApplicationDecided } from '@stap/contracts/stap/register/events/v1/events';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { dateMessage, money } from '../src/infrastructure/messaging/proto-mapping';
import type { Harness } from './harness';

export const TYPES = {
  granted: 'nl.stap.portal.application_granted.v1',
  proof: 'nl.stap.portal.participation_proof_submitted.v1',
  withdrawn: 'nl.stap.portal.application_withdrawn.v1',
  scholing: 'nl.stap.register.scholing_application_decided.v1',
  claim: 'nl.stap.advice.claim_assessed.v1',
  bankAccount: 'nl.stap.providers.bank_account_changed.v1',
  suspended: 'nl.stap.providers.provider_suspended.v1',
  reinstated: 'nl.stap.providers.provider_reinstated.v1',
} as const;

export const today = () => amsterdamDateOf(new Date());

export function grantMessage(applicationId: string, providerId: string, amountCents: number, startInDays = 10, tijdvakId = 'STAP-2023-05'): ApplicationGranted {
  return {
    applicationId,
    tijdvak: { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId },
    providerId,
    trainingId: randomUUID(),
    startMomentId: randomUUID(),
    trainingStartDate: dateMessage(addDays(today(), startInDays)),
    trainingEndDate: dateMessage(addDays(today(), startInDays + 60)),
    grantedAmount: money(amountCents),
    decision: { reference: `UWV-STAP-${applicationId.slice(0, 8)}`, reason: 'toegekend', decidedOn: dateMessage(today()) },
    receiptSequence: '1',
    decidedAt: new Date().toISOString(),
  };
}

export async function publishGrant(h: Harness, message: ApplicationGranted, eventId?: string): Promise<string> {
  return h.publish(h.topics.portalApplication, TYPES.granted, message.applicationId, ApplicationGranted.encode(message).finish(), eventId);
}

export async function publishWithdrawal(h: Harness, grant: ApplicationGranted, eventId?: string): Promise<string> {
  const message: ApplicationWithdrawn = {
    applicationId: grant.applicationId,
    tijdvak: grant.tijdvak,
    wasGranted: true,
    releasedAmount: grant.grantedAmount,
    withdrawnAt: new Date().toISOString(),
  };
  return h.publish(h.topics.portalApplication, TYPES.withdrawn, grant.applicationId, ApplicationWithdrawn.encode(message).finish(), eventId);
}

export async function publishProof(h: Harness, applicationId: string, providerId: string, completed: boolean, illnessClaimed = false): Promise<string> {
  const message: ParticipationProofSubmitted = {
    applicationId,
    tijdvak: { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: 'STAP-2023-05' },
    providerId,
    participationProofId: randomUUID(),
    completed,
    completionBasis: 0,
    nonCompletionReason: 0,
    illnessClaimed,
    late: false,
    submittedAt: new Date().toISOString(),
  };
  return h.publish(h.topics.portalApplication, TYPES.proof, applicationId, ParticipationProofSubmitted.encode(message).finish());
}

export async function publishBankAccount(h: Harness, providerId: string, reference: string, iban: string, changedAt: Date, previous = ''): Promise<void> {
  h.directory.accounts.set(reference, { iban, holderName: `Opleider ${providerId.slice(0, 8)} B.V.` });
  const message: BankAccountChanged = {
    owner: { owner: { $case: 'providerId', value: providerId } },
    accountReference: reference,
    ibanLast4: iban.slice(-4),
    previousAccountReference: previous,
    changedAt: changedAt.toISOString(),
  };
  await h.publish(h.topics.providersProvider, TYPES.bankAccount, providerId, BankAccountChanged.encode(message).finish());
}

export async function publishSuspension(h: Harness, providerId: string, suspended: boolean): Promise<void> {
  const decision = { reference: `SUSP-${providerId.slice(0, 8)}`, reason: 'besluit', decidedOn: dateMessage(today()) };
  const payload = suspended
    ? ProviderSuspended.encode({ providerId, decision, effectiveDate: dateMessage(today()), suspendedAt: new Date().toISOString() }).finish()
    : ProviderReinstated.encode({ providerId, decision, effectiveDate: dateMessage(today()), reinstatedAt: new Date().toISOString() }).finish();
  await h.publish(h.topics.providersProvider, suspended ? TYPES.suspended : TYPES.reinstated, providerId, payload);
}

export async function publishScholingGrant(h: Harness, scholingApplicationId: string, providerId: string, amountCents: number): Promise<void> {
  const message: ScholingApplicationDecided = {
    scholingApplicationId,
    tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: 'NLLD_SCHOLING-2020-10' },
    leadProviderId: providerId,
    granted: true,
    grantedAmount: money(amountCents),
    reasons: [],
    decision: { reference: `SZW-NLLD-${scholingApplicationId.slice(0, 8)}`, reason: 'toegekend', decidedOn: dateMessage('2020-10-20') },
    decidedAt: '2020-10-20T09:00:00Z',
  };
  await h.publish(h.topics.registerScholingApplication, TYPES.scholing, scholingApplicationId, ScholingApplicationDecided.encode(message).finish());
}

export async function publishClaim(h: Harness, claimId: string, adviserOrganisationId: string, trajectoryIds: string[], acceptedCents: number): Promise<void> {
  const message: ClaimAssessed = {
    claimId,
    tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_ONTWIKKELADVIES, tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-12' },
    adviserOrganisationId,
    acceptedTrajectoryIds: trajectoryIds,
    rejectedLines: [],
    acceptedAmount: money(acceptedCents),
    assessedAt: '2021-05-03T10:00:00Z',
  };
  await h.publish(h.topics.adviceClaim, TYPES.claim, claimId, ClaimAssessed.encode(message).finish());
}

let ibanCounter = Math.floor(Math.random() * 1_000_000);

/** A fresh valid Dutch IBAN (ISO 13616 mod-97 check digits computed). */
export function nextIban(): string {
  ibanCounter += 1;
  const account = String(ibanCounter).padStart(10, '0');
  const bank = 'TEST';
  const numeric = `${bank}${account}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}
