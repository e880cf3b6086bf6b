// Effect of ParticipationProofSubmitted (stap-portal): the clear cases are settled automatically. Completed →
// settled at the committed amount; not completed without a claimed illness → settled at nil, and what was invoiced
// is recovered. A claimed illness waits for an officer (DecideSettlement). Source: DOMAIN.md §2.1.
import { MalformedEventError } from '@stap/platform/kafka';
import { amsterdamDateOf } from '@stap/regelingen';
import type { ParticipationProofSubmitted } from '@stap/contracts/stap/portal/events/v1/events';
import { automaticSettlement } from '../domain/settlement';
import type { TransactionClient } from '../infrastructure/prisma/client';
import { settlePurchaseOrder } from './settle-purchase-order';

export const SYSTEM_ACTOR = 'SYSTEM';

export async function applyParticipationProof(tx: TransactionClient, eventId: string, event: ParticipationProofSubmitted): Promise<void> {
  if (!event.applicationId) throw new MalformedEventError('ParticipationProofSubmitted has no application id');
  const order = await tx.purchaseOrder.findUnique({ where: { sourceKind_sourceId: { sourceKind: 'APPLICATION', sourceId: event.applicationId } } });
  // The grant is on the same topic and key, so it precedes the proof; a missing order is a broken producer.
  if (!order) throw new Error(`no purchase order for application ${event.applicationId} yet`);
  if (order.status !== 'OPEN' && order.status !== 'INVOICED') return; // settled before: a re-sent proof changes nothing
  const settledCents = automaticSettlement({ completed: event.completed, illnessClaimed: event.illnessClaimed }, Number(order.committedCents));
  if (settledCents === undefined) return;
  const submitted = event.submittedAt ? new Date(event.submittedAt) : new Date();
  await settlePurchaseOrder(tx, order, {
    settledCents,
    illnessAccepted: false,
    personAtFault: false,
    decisionReference: `AUTO-${event.participationProofId || eventId}`,
    decisionReason: event.completed ? 'deelname aangetoond' : 'geen of onvoldoende deelname',
    participationProofId: event.participationProofId || undefined,
    decidedBy: SYSTEM_ACTOR,
    decidedOn: amsterdamDateOf(Number.isNaN(submitted.getTime()) ? new Date() : submitted),
  });
}
