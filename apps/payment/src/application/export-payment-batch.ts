// Use case: the batch as a pain.001.001.03 document (domain/pain001.ts) with its SHA-256; marks it EXPORTED.
// Exporting again gives the same document (same creation time, same order), so a lost file can be fetched anew.
// A payment fully offset against recovery orders moves no money and is left out of the file.
import { createHash } from 'node:crypto';
import { invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { buildPain001, type Pain001Debtor } from '../domain/pain001';
import { isoDateOf } from '../infrastructure/ledger-book';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { isUuid } from '@stap/platform/ids';

export interface ExportedBatch {
  xml: string;
  sha256: string;
  transferCount: number;
}


export async function exportPaymentBatch(prisma: PrismaClient, batchId: string, debtor: Pain001Debtor): Promise<ExportedBatch> {
  if (!isUuid(batchId)) throw invalid([{ field: 'payment_batch_id', description: 'must be a UUID' }]);
  const batch = await prisma.paymentBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw notFoundError('no payment batch with that id');
  if (batch.status === 'EXECUTED') throw preconditionFailed('the batch was executed already', 'BATCH_EXECUTED');
  const transfers = await prisma.$queryRaw<{ end_to_end_id: string; net_cents: bigint; holder_name: string; iban: string; remittance: string }[]>`
    SELECT end_to_end_id, gross_cents - offset_cents AS net_cents, holder_name, iban, remittance
      FROM payment WHERE batch_id = ${batchId}::uuid AND gross_cents > offset_cents ORDER BY end_to_end_id`;
  if (transfers.length === 0) {
    throw preconditionFailed('every payment of this batch was offset against recovery orders: no money moves, confirm it without a file', 'NOTHING_TO_TRANSFER');
  }
  const xml = buildPain001({
    messageId: batch.messageId,
    createdAt: batch.createdAt,
    executionDate: isoDateOf(batch.executionDate),
    debtor,
    transfers: transfers.map((row) => ({
      endToEndId: row.end_to_end_id,
      amountCents: Number(row.net_cents),
      creditorName: row.holder_name,
      creditorIban: row.iban,
      remittance: row.remittance,
    })),
  });
  const sha256 = createHash('sha256').update(xml).digest('hex');
  if (batch.status === 'CREATED') {
    await prisma.paymentBatch.update({ where: { id: batchId }, data: { status: 'EXPORTED', exportSha256: sha256 } });
  }
  return { xml, sha256, transferCount: transfers.length };
}
