// Offsetting (verrekening): open recovery orders of a payee are collected from that payee's next payments before
// any money leaves. Source: DOMAIN.md §2.1 (recovery), payments.proto CreatePaymentBatch ("after offsetting open
// recovery orders of the same payee"). Oldest recovery order first, payments in the order given.

export interface OffsettablePayment {
  id: string;
  payeeId: string;
  grossCents: number;
}

export interface OpenRecovery {
  id: string;
  debtorId: string;
  outstandingCents: number;
}

export interface Offset {
  paymentId: string;
  recoveryOrderId: string;
  amountCents: number;
}

export function allocateOffsets(payments: readonly OffsettablePayment[], recoveries: readonly OpenRecovery[]): Offset[] {
  const outstanding = new Map<string, { id: string; left: number }[]>();
  for (const recovery of recoveries) {
    if (recovery.outstandingCents <= 0) continue;
    const queue = outstanding.get(recovery.debtorId) ?? [];
    queue.push({ id: recovery.id, left: recovery.outstandingCents });
    outstanding.set(recovery.debtorId, queue);
  }
  const offsets: Offset[] = [];
  for (const payment of payments) {
    const queue = outstanding.get(payment.payeeId);
    let room = payment.grossCents;
    while (queue && queue.length > 0 && room > 0) {
      const recovery = queue[0];
      const amountCents = Math.min(room, recovery.left);
      offsets.push({ paymentId: payment.id, recoveryOrderId: recovery.id, amountCents });
      room -= amountCents;
      recovery.left -= amountCents;
      if (recovery.left === 0) queue.shift();
    }
  }
  return offsets;
}
