// Effects of payment's purchase-order events (stap.payments.purchase_order.v1) on the portal's applications, and the
// release of a withdrawn grant's amount. Source: DOMAIN.md §2.1 "After the grant" (purchase order on the grant; the
// provider may invoice the advance from 3 weeks before the start) and §4 (budget against the ceiling; every euro
// granted, paid and recovered must reconcile per regeling and tijdvak).
//
// The ceiling is law, so the safe direction: the portal gives a withdrawn grant's amount back to its tijdvak only when
// payment has cancelled the purchase order (PurchaseOrderCancelled: the commitment was released in payment's ledger).
// An order payment keeps (an invoice arrived before the withdrawal did) is never cancelled, so its amount stays
// committed in the portal too. Ordering: PurchaseOrderIssued, InvoiceApproved and PurchaseOrderCancelled of one order
// share the key purchase_order_id, so the portal always links the order to its application before the others arrive.
// Each function runs inside the consumer's transaction next to the inbox row (deduplicated on the CloudEvent id);
// the release is additionally guarded on the application row, so it happens once per application whatever arrives twice.
import type * as Payments from '@stap/contracts/stap/payments/events/v1/events';
import { isUuid } from '@stap/platform/ids';
import { rulesByVersion } from '../domain/rules-version';
import { releaseDecision, withdrawalEffect } from '../domain/withdrawal';
import type { TransactionClient } from '../infrastructure/prisma/client';

export type ReleaseOutcome = 'RELEASED' | 'WITHHELD' | 'NOTHING';

/** PurchaseOrderIssued: remembers which order pays for which application (source.application_id). */
export async function applyPurchaseOrderIssued(tx: TransactionClient, e: Payments.PurchaseOrderIssued): Promise<void> {
  const applicationId = e.source?.source?.$case === 'applicationId' ? e.source.source.value : undefined;
  // Orders of other sources (scholing applications, advice claims) and other portals' applications are not ours.
  if (!e.purchaseOrderId || !applicationId || !isUuid(applicationId)) return;
  await tx.application.updateMany({ where: { id: applicationId, purchaseOrderId: null }, data: { purchaseOrderId: e.purchaseOrderId } });
}

/** InvoiceApproved: from now on the application cannot be withdrawn (payment keeps the order). */
export async function applyInvoiceApproved(tx: TransactionClient, e: Payments.InvoiceApproved): Promise<void> {
  if (!e.purchaseOrderId) return;
  await tx.application.updateMany({ where: { purchaseOrderId: e.purchaseOrderId, invoiceApprovedAt: null }, data: { invoiceApprovedAt: new Date() } });
}

/** PurchaseOrderCancelled: payment decommitted the amount; a withdrawn grant's amount goes back to its tijdvak. */
export async function applyPurchaseOrderCancelled(tx: TransactionClient, e: Payments.PurchaseOrderCancelled): Promise<void> {
  if (!e.purchaseOrderId) return;
  const application = await tx.application.findUnique({ where: { purchaseOrderId: e.purchaseOrderId }, select: { id: true } });
  if (!application) return;
  await tx.application.updateMany({ where: { id: application.id, purchaseOrderCancelledAt: null }, data: { purchaseOrderCancelledAt: new Date() } });
  // Not withdrawn (payment cancelled for another reason): recorded only; a later withdrawal releases at once.
  await releaseWithdrawnGrant(tx, application.id, new Date());
}

/**
 * Gives a withdrawn grant's amount back to its tijdvak when payment has cancelled its order, exactly once: the
 * application row is locked, then the tijdvak row (the order WithdrawApplication locks them in), and the release is
 * marked on the application in the same transaction. A closed tijdvak is not given the amount back
 * (domain/withdrawal.ts releaseDecision, an assumption); that is recorded instead.
 */
export async function releaseWithdrawnGrant(tx: TransactionClient, applicationId: string, now: Date): Promise<ReleaseOutcome> {
  await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId}::uuid FOR UPDATE`;
  const found = await tx.application.findUnique({ where: { id: applicationId } });
  if (!found || found.status !== 'WITHDRAWN' || found.purchaseOrderCancelledAt === null) return 'NOTHING';
  if (found.budgetReleasedAt !== null || found.releaseWithheld !== null) return 'NOTHING'; // released (or withheld) before
  const [tijdvak] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM tijdvak WHERE id = ${found.tijdvakId} FOR UPDATE`;
  if (!tijdvak) throw new Error(`tijdvak ${found.tijdvakId} of application ${found.id} does not exist`);
  if (releaseDecision(tijdvak.status) === 'WITHHOLD_TIJDVAK_CLOSED') {
    await tx.application.update({ where: { id: found.id }, data: { releaseWithheld: 'TIJDVAK_CLOSED' } });
    return 'WITHHELD';
  }
  const effect = withdrawalEffect({ grantedCents: Number(found.grantedCents) }, rulesByVersion(found.rulesVersion));
  const column = found.channel === 'COUNTER' ? 'committed_counter_cents' : 'committed_online_cents';
  // Guarded: a release can never make the budget negative, nor put money back into a tijdvak that closed meanwhile.
  const released = await tx.$executeRawUnsafe(
    `UPDATE tijdvak SET ${column} = ${column} - $2, granted_count = granted_count - 1 WHERE id = $1 AND status <> 'CLOSED' AND ${column} >= $2 AND granted_count >= 1`,
    found.tijdvakId, BigInt(effect.releasedCents),
  );
  if (released !== 1) throw new Error(`the budget of tijdvak ${found.tijdvakId} does not hold the amount to release`);
  await tx.application.update({ where: { id: found.id }, data: { budgetReleasedAt: now } });
  return 'RELEASED';
}
