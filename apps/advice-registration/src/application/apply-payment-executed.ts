// Effect of payment's PaymentExecuted for an advice claim: the reconciliation's "paid" comes from these rows.
// Payments for other grant sources (STAP applications, scholing) are not this service's and are ignored.
import type { PaymentExecuted } from '@stap/contracts/stap/payments/events/v1/events';
import { isUuid } from '../domain/registration';
import type { TransactionClient } from '../infrastructure/prisma/client';

export async function applyPaymentExecuted(tx: TransactionClient, event: PaymentExecuted): Promise<void> {
  const source = event.source?.source;
  if (source?.$case !== 'claimId' || !isUuid(source.value)) return;
  const executed = event.executedOn;
  const fields = {
    claimId: source.value,
    amountCents: BigInt(event.amount?.amountCents ?? '0'),
    offsetCents: BigInt(event.offsetAmount?.amountCents ?? '0'),
    executedOn: executed && executed.year > 0 ? new Date(Date.UTC(executed.year, executed.month - 1, executed.day)) : new Date(0),
  };
  await tx.claimPayment.upsert({ where: { paymentId: event.paymentId }, create: { paymentId: event.paymentId, ...fields }, update: fields });
}
