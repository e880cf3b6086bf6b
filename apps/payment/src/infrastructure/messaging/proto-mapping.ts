// Small conversions between the contract's shapes and the service's plain values.
import { regelingCodeFromJSON, type Money, type TijdvakRef } from '@stap/contracts/stap/common/v1/common';
import type { DateMessage } from '@stap/contracts/google/type/date';
import type { GrantSource, Payee } from '@stap/contracts/stap/payments/v1/payments';
import type { PayeeKind, SourceKind } from '../../domain/purchase-order';

export const money = (cents: number | bigint): Money => ({ amountCents: String(cents), currency: 'EUR' });

export const tijdvakRef = (regeling: string, tijdvakId: string): TijdvakRef => ({
  regelingCode: regelingCodeFromJSON(`REGELING_CODE_${regeling}`),
  tijdvakId,
});

export function dateMessage(isoDate: string): DateMessage {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}

/** A full calendar date as ISO text, or undefined for an unset/partial date. */
export function isoFromDateMessage(date: DateMessage | undefined): string | undefined {
  if (!date || !date.year || !date.month || !date.day) return undefined;
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function payeeMessage(kind: string, id: string): Payee {
  return kind === 'ADVISER_ORGANISATION'
    ? { payee: { $case: 'adviserOrganisationId', value: id } }
    : { payee: { $case: 'providerId', value: id } };
}

export function grantSourceMessage(kind: SourceKind | string, id: string): GrantSource {
  if (kind === 'CLAIM') return { source: { $case: 'claimId', value: id } };
  if (kind === 'SCHOLING_APPLICATION') return { source: { $case: 'scholingApplicationId', value: id } };
  return { source: { $case: 'applicationId', value: id } };
}

export function payeeKindOf(payee: Payee | undefined): { kind: PayeeKind; id: string } | undefined {
  if (payee?.payee?.$case === 'providerId') return { kind: 'PROVIDER', id: payee.payee.value };
  if (payee?.payee?.$case === 'adviserOrganisationId') return { kind: 'ADVISER_ORGANISATION', id: payee.payee.value };
  return undefined;
}
