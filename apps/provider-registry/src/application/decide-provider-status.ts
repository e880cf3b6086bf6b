// Use case: a status decision about a provider: open or close an investigation, suspend, reinstate, end. Each is a
// dated decision with a reference and reason, kept forever (status_decision), so the status on any past date can be
// answered. An investigation is informational only; suspension is only ever an explicit decision with a reason
// ("an investigation alone does not justify withholding payment", DOMAIN.md §3 [pub]).
import { invalid, type Violation } from '@stap/platform/errors';
import * as Events from '@stap/contracts/stap/providers/events/v1/events';
import type { DomainEvent } from '@stap/platform/kafka';
import { requireOwnOrganisationOrScope, requireScope, SCOPES, type Actor } from '../domain/actor';
import { partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import { assertDecisionAllowed, statusAfter, type DecisionKind } from '../domain/provider-status';
import * as Messages from '../infrastructure/messaging/provider-events';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';
import { loadProviderView, type ProviderView } from './provider-view';

export interface StatusDecisionInput {
  providerId: string;
  expectedVersion: bigint;
  kind: DecisionKind;
  /** Decision letter or case reference. */
  reference: string;
  reason: string;
  decidedOn?: IsoDate;
  effectiveDate: IsoDate | undefined;
}

/** The contract's field names per decision kind, so a violation names the field the caller sent. */
const FIELDS: Record<DecisionKind, { reference: string; reason: string; date: string }> = {
  INVESTIGATION_OPENED: { reference: 'case_reference', reason: 'case_reference', date: '' },
  INVESTIGATION_CLOSED: { reference: 'case_reference', reason: 'outcome', date: '' },
  SUSPENDED: { reference: 'decision.reference', reason: 'decision.reason', date: 'effective_date' },
  REINSTATED: { reference: 'decision.reference', reason: 'decision.reason', date: 'effective_date' },
  ENDED: { reference: 'reason', reason: 'reason', date: 'end_date' },
};

function violationsOf(input: StatusDecisionInput): Violation[] {
  const fields = FIELDS[input.kind];
  const violations: Violation[] = [];
  const text = (value: string, field: string) => {
    if (value.trim() === '' || value.length > 1000) violations.push({ field, description: 'is required, at most 1000 characters' });
  };
  text(input.reference, fields.reference);
  if (fields.reason !== fields.reference) text(input.reason, fields.reason);
  if (fields.date && !input.effectiveDate) violations.push({ field: fields.date, description: 'must be a calendar date' });
  return violations;
}

function authorise(actor: Actor, kind: DecisionKind, kvkNumber: string): void {
  // The contract lets a provider end its own registration; every other decision is an officer's.
  if (kind === 'ENDED') requireOwnOrganisationOrScope(actor, kvkNumber, SCOPES.statusWrite);
  else requireScope(actor, SCOPES.statusWrite);
}

export async function decideProviderStatus(prisma: PrismaClient, input: StatusDecisionInput, actor: Actor, today: IsoDate): Promise<ProviderView> {
  assertUuid(input.providerId, 'provider_id');
  const violations = violationsOf(input);
  if (violations.length > 0) throw invalid(violations, 'the decision has invalid fields');
  const effectiveDate = input.effectiveDate ?? today;
  return prisma.$transaction(async (tx) => {
    const provider = await lockProvider(tx, input.providerId, input.expectedVersion);
    authorise(actor, input.kind, provider.kvkNumber);
    assertDecisionAllowed(input.kind, provider.status as Parameters<typeof assertDecisionAllowed>[1]);
    await tx.statusDecision.create({
      data: {
        providerId: provider.id,
        kind: input.kind,
        effectiveDate: toDbDate(effectiveDate),
        reference: input.reference.trim(),
        reason: input.reason.trim(),
        decidedOn: input.decidedOn ? toDbDate(input.decidedOn) : null,
        recordedBy: actor.subject,
      },
    });
    await touchProvider(tx, provider.id, { status: statusAfter(input.kind) });
    const event = eventOf(input, effectiveDate);
    const details = { reference: input.reference.trim(), reason: input.reason.trim(), effectiveDate };
    await recordChange(tx, actor, { aggregateType: 'provider', aggregateId: provider.id, action: input.kind, details }, [event]);
    return loadProviderView(tx, { providerId: provider.id });
  });
}

function eventOf(input: StatusDecisionInput, effectiveDate: IsoDate): DomainEvent {
  const providerId = input.providerId;
  const now = new Date().toISOString();
  const decision = { reference: input.reference.trim(), decidedOn: input.decidedOn ? partsFromIso(input.decidedOn) : undefined, reason: input.reason.trim() };
  switch (input.kind) {
    case 'INVESTIGATION_OPENED':
      return Messages.investigationOpenedEvent({ providerId, caseReference: decision.reference, openedAt: now });
    case 'INVESTIGATION_CLOSED':
      return Messages.investigationClosedEvent({ providerId, caseReference: decision.reference, closedAt: now });
    case 'SUSPENDED':
      return Messages.providerSuspendedEvent({ providerId, decision, effectiveDate: partsFromIso(effectiveDate), suspendedAt: now });
    case 'REINSTATED':
      return Messages.providerReinstatedEvent({ providerId, decision, effectiveDate: partsFromIso(effectiveDate), reinstatedAt: now });
    case 'ENDED': {
      const message: Events.ProviderEnded = { providerId, endDate: partsFromIso(effectiveDate), reason: decision.reason };
      return Messages.providerEndedEvent(message);
    }
  }
}
