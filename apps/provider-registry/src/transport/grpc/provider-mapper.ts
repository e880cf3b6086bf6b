// Stored rows → the messages of the contract (proto/stap/providers/v1/providers.proto).
import {
  AdviserRegister,
  EligibilityReasonCode,
  ProviderStatus,
  RecognitionState,
  type AdviserOrganisation,
  type BankAccount,
  type BankAccountSummary,
  type CareerAdviser,
  type CheckProviderEligibilityResponse,
  type Provider,
  type Recognition,
} from '@stap/contracts/stap/providers/v1/providers';
import { REGISTER_TO_PROTO } from '../../application/register-career-adviser';
import { routeToProto } from '../../application/proto-enums';
import { facts } from '../../application/expire-recognitions';
import type { ProviderView } from '../../application/provider-view';
import { fromDbDate, fromDbDateOrNull, partsFromIso, todayInAmsterdam, type IsoDate } from '../../domain/dates';
import type { EligibilityAnswer } from '../../domain/eligibility';
import { ibanLast4 } from '../../domain/bank-account';
import { stateOn } from '../../domain/recognition';
import type { AdviserOrganisationRow, BankAccountRow, CareerAdviserRow, RecognitionRow } from '../../infrastructure/prisma/client';

const STATUS: Record<string, ProviderStatus> = {
  ACTIVE: ProviderStatus.PROVIDER_STATUS_ACTIVE,
  UNDER_INVESTIGATION: ProviderStatus.PROVIDER_STATUS_UNDER_INVESTIGATION,
  SUSPENDED: ProviderStatus.PROVIDER_STATUS_SUSPENDED,
  ENDED: ProviderStatus.PROVIDER_STATUS_ENDED,
};

export const statusToProto = (status: string) => STATUS[status] ?? ProviderStatus.PROVIDER_STATUS_UNSPECIFIED;
export function statusFromProto(status: ProviderStatus): string {
  return Object.entries(STATUS).find(([, value]) => value === status)?.[0] ?? String(status);
}

const STATE: Record<string, RecognitionState> = {
  VALID: RecognitionState.RECOGNITION_STATE_VALID,
  PENDING: RecognitionState.RECOGNITION_STATE_PENDING,
  EXPIRED: RecognitionState.RECOGNITION_STATE_EXPIRED,
  REVOKED: RecognitionState.RECOGNITION_STATE_REVOKED,
};

const period = (from: IsoDate, until: IsoDate | null) => ({ start: partsFromIso(from), end: until ? partsFromIso(until) : undefined });

export function toRecognitionMessage(row: RecognitionRow, today: IsoDate): Recognition {
  const recognition = facts(row);
  return {
    id: row.id,
    route: routeToProto(recognition.route),
    issuingBody: row.issuingBody,
    externalReference: row.externalReference,
    validPeriod: period(recognition.validFrom, recognition.validUntil),
    state: STATE[stateOn(recognition, today)],
    revocation: recognition.revokedFrom ? { effectiveDate: partsFromIso(recognition.revokedFrom), reason: row.revocationReason ?? '' } : undefined,
  };
}

export function toBankAccountSummary(row: BankAccountRow): BankAccountSummary {
  return { accountReference: row.id, ibanLast4: ibanLast4(row.iban), accountHolderName: row.holderName, setAt: row.effectiveFrom.toISOString() };
}

export function toBankAccountMessage(row: BankAccountRow): BankAccount {
  return {
    accountReference: row.id,
    iban: { value: row.iban },
    accountHolderName: row.holderName,
    owner: { owner: row.providerId ? { $case: 'providerId', value: row.providerId } : { $case: 'adviserOrganisationId', value: row.adviserOrganisationId ?? '' } },
    current: row.supersededAt === null,
  };
}

export function toProviderMessage(view: ProviderView, today: IsoDate = todayInAmsterdam()): Provider {
  const row = view.provider;
  const decision = view.lastDecision;
  return {
    id: row.id,
    kvkNumber: { value: row.kvkNumber },
    legalName: row.legalName,
    communicationName: row.communicationName,
    contact: { email: row.contactEmail, phone: row.contactPhone ?? '', website: row.website ?? '' },
    address: {
      street: row.street,
      houseNumber: row.houseNumber,
      houseNumberAddition: row.houseNumberAddition ?? '',
      postalCode: row.postalCode,
      city: row.city,
    },
    status: statusToProto(row.status),
    lastStatusDecision: decision
      ? { reference: decision.reference, decidedOn: decision.decidedOn ? partsFromIso(fromDbDate(decision.decidedOn)) : undefined, reason: decision.reason }
      : undefined,
    recognitions: view.recognitions.map((recognition) => toRecognitionMessage(recognition, today)),
    bankAccount: view.bankAccount ? toBankAccountSummary(view.bankAccount) : undefined,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version.toString(),
  };
}

export function toAdviserOrganisationMessage(row: AdviserOrganisationRow, bankAccount: BankAccountRow | null): AdviserOrganisation {
  return {
    id: row.id,
    kvkNumber: { value: row.kvkNumber },
    legalName: row.legalName,
    communicationName: row.communicationName,
    contact: { email: row.contactEmail, phone: row.contactPhone ?? '', website: row.website ?? '' },
    address: { street: row.street, houseNumber: row.houseNumber, houseNumberAddition: row.houseNumberAddition ?? '', postalCode: row.postalCode, city: row.city },
    bankAccount: bankAccount ? toBankAccountSummary(bankAccount) : undefined,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version.toString(),
  };
}

export function toCareerAdviserMessage(row: CareerAdviserRow): CareerAdviser {
  return {
    id: row.id,
    adviserOrganisationId: row.adviserOrganisationId,
    name: row.name,
    register: REGISTER_TO_PROTO[row.register] ?? AdviserRegister.ADVISER_REGISTER_UNSPECIFIED,
    registrationNumber: row.registrationNumber,
    hboLevel: row.hboLevel,
    yearsOfExperience: row.yearsOfExperience,
    activePeriod: period(fromDbDate(row.activeFrom), fromDbDateOrNull(row.activeUntil)),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toEligibilityResponse(answer: EligibilityAnswer & { providerId: string }): CheckProviderEligibilityResponse {
  return {
    providerId: answer.providerId,
    eligible: answer.eligible,
    reasons: answer.reasons.map((reason) => ({
      code: EligibilityReasonCode[`ELIGIBILITY_REASON_CODE_${reason.code}`],
      message: reason.message,
      recognitionId: reason.recognitionId ?? '',
    })),
    rulesVersion: answer.rulesVersion,
  };
}
