// Effects of the grant events of other services, each run inside the consumer's transaction next to its inbox row
// (exactly once per event id) and keyed by source in issuePurchaseOrder (exactly once per grant).
//   ApplicationGranted (stap-portal)            → STAP purchase order; the provider invoices against it (issued and
//                                                   cancelled at once when the application was withdrawn first).
//   ScholingApplicationDecided, granted (register) → NL Leert Door scholing: the fixed contributions per activity,
//                                                   summed in the granted amount, payable to the lead provider.
//   ClaimAssessed (advice-registration)          → a payment per accepted trajectory to the adviser organisation.
import { MalformedEventError } from '@stap/platform/kafka';
import { amsterdamDateOf, parametersOn, type RegelingCode } from '@stap/regelingen';
import type { ApplicationGranted } from '@stap/contracts/stap/portal/events/v1/events';
import type { ScholingApplicationDecided } from '@stap/contracts/stap/register/events/v1/events';
import type { ClaimAssessed } from '@stap/contracts/stap/advice/events/v1/events';
import { regelingCodeToJSON, type Money, type TijdvakRef } from '@stap/contracts/stap/common/v1/common';
import { regelingFromProto } from '../domain/purchase-order';
import type { TijdvakKey } from '../domain/ledger';
import { isoFromDateMessage } from '../infrastructure/messaging/proto-mapping';
import type { TransactionClient } from '../infrastructure/prisma/client';
import { cancelIfWithdrawnBeforeGrant, lockApplication } from './apply-application-withdrawn';
import { issuePurchaseOrder } from './issue-purchase-order';

function tijdvakOf(ref: TijdvakRef | undefined): TijdvakKey {
  const regeling = ref ? regelingFromProto(regelingCodeToJSON(ref.regelingCode)) : undefined;
  if (!regeling || !ref?.tijdvakId) throw new MalformedEventError('the event names no regeling and tijdvak');
  return { regeling, tijdvakId: ref.tijdvakId };
}

function centsOf(amount: Money | undefined, what: string): number {
  const cents = Number(amount?.amountCents ?? 'NaN');
  if (!Number.isSafeInteger(cents) || cents <= 0 || amount?.currency !== 'EUR') {
    throw new MalformedEventError(`${what} must be a positive amount in EUR`);
  }
  return cents;
}

function dayOf(timestamp: string | undefined): string {
  const instant = timestamp ? new Date(timestamp) : new Date(NaN);
  if (Number.isNaN(instant.getTime())) throw new MalformedEventError('the event has no valid decision time');
  return amsterdamDateOf(instant);
}

function required(value: string, what: string): string {
  if (!value) throw new MalformedEventError(`the event has no ${what}`);
  return value;
}

export async function applyApplicationGranted(tx: TransactionClient, eventId: string, event: ApplicationGranted): Promise<void> {
  const trainingStartDate = isoFromDateMessage(event.trainingStartDate);
  if (!trainingStartDate) throw new MalformedEventError('ApplicationGranted has no training start date');
  const applicationId = required(event.applicationId, 'application id');
  await lockApplication(tx, applicationId);
  const { order } = await issuePurchaseOrder(tx, {
    eventId,
    sourceKind: 'APPLICATION',
    sourceId: applicationId,
    tijdvak: tijdvakOf(event.tijdvak),
    payee: { kind: 'PROVIDER', id: required(event.providerId, 'provider id') },
    committedCents: centsOf(event.grantedAmount, 'granted_amount'),
    decidedOn: dayOf(event.decidedAt),
    trainingStartDate,
    trainingEndDate: isoFromDateMessage(event.trainingEndDate),
    immediatePayments: [],
  });
  // A grant replayed (from the dead-letter topic) after its application was withdrawn: issued and cancelled at once.
  // Source: DOMAIN.md §2.1 "After the grant" [pub], §4.
  await cancelIfWithdrawnBeforeGrant(tx, order);
}

export async function applyScholingApplicationDecided(tx: TransactionClient, eventId: string, event: ScholingApplicationDecided): Promise<void> {
  if (!event.granted) return; // a rejection commits nothing
  const sourceId = required(event.scholingApplicationId, 'scholing application id');
  const cents = centsOf(event.grantedAmount, 'granted_amount');
  await issuePurchaseOrder(tx, {
    eventId,
    sourceKind: 'SCHOLING_APPLICATION',
    sourceId,
    tijdvak: tijdvakOf(event.tijdvak),
    payee: { kind: 'PROVIDER', id: required(event.leadProviderId, 'lead provider id') },
    committedCents: cents,
    decidedOn: dayOf(event.decidedAt),
    // DOMAIN.md §2.5 [000]: a fixed contribution per activity, paid to the applying provider; the register checked
    // each contribution against its category range (checkScholingContributions) before granting the sum.
    immediatePayments: [{ sourceKey: `scholing:${sourceId}`, amountCents: cents, remittance: `NL Leert Door scholing ${event.decision?.reference ?? sourceId}` }],
  });
}

/** The price of one trajectory in the regeling version in force on the day the claim was assessed. */
export function trajectoryPriceCents(regeling: RegelingCode, on: string): number {
  const version = parametersOn(regeling, on);
  const parameters = version?.parameters as { pricePerTrajectoryCents?: { value: number } } | undefined;
  const price = parameters?.pricePerTrajectoryCents?.value;
  if (!price) throw new MalformedEventError(`${regeling} has no trajectory price on ${on}`);
  return price;
}

export async function applyClaimAssessed(tx: TransactionClient, eventId: string, event: ClaimAssessed): Promise<void> {
  const claimId = required(event.claimId, 'claim id');
  if (event.acceptedTrajectoryIds.length === 0) return; // nothing accepted, nothing owed
  const tijdvak = tijdvakOf(event.tijdvak);
  const assessedOn = dayOf(event.assessedAt);
  const accepted = centsOf(event.acceptedAmount, 'accepted_amount');
  // DOMAIN.md §2.3 [000]: €700 per trajectory (€600 under TSOV 45+), a parameter of the regeling version.
  const price = trajectoryPriceCents(tijdvak.regeling as RegelingCode, assessedOn);
  if (accepted !== price * event.acceptedTrajectoryIds.length) {
    throw new MalformedEventError(`accepted_amount ${accepted} ≠ ${event.acceptedTrajectoryIds.length} trajectories × ${price}`);
  }
  await issuePurchaseOrder(tx, {
    eventId,
    sourceKind: 'CLAIM',
    sourceId: claimId,
    tijdvak,
    payee: { kind: 'ADVISER_ORGANISATION', id: required(event.adviserOrganisationId, 'adviser organisation id') },
    committedCents: accepted,
    decidedOn: assessedOn,
    immediatePayments: event.acceptedTrajectoryIds.map((trajectoryId) => ({
      sourceKey: `claim:${claimId}:trajectory:${trajectoryId}`,
      amountCents: price,
      remittance: `Ontwikkeladvies traject ${trajectoryId}`,
    })),
  });
}
