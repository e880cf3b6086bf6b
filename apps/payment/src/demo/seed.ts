// Demo data for `tools/stap up` (SEED_DEMO_DATA=true): runs once, when the database has no purchase order yet.
// Deterministic content (names, IBANs, amounts, sources; dates relative to today so invoices are on time):
// three training providers (one suspended, so its payment is held) and an adviser organisation with bank
// accounts, STAP grants with advance invoices, an NL Leert Door advice claim and a scholing grant. Make a batch
// with CreatePaymentBatch to see the rest.
import type { Logger } from 'pino';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { issuePurchaseOrder } from '../application/issue-purchase-order';
import { submitInvoice } from '../application/submit-invoice';
import type { PrismaClient } from '../infrastructure/prisma/client';

const PROVIDERS = [
  { id: '00000000-0000-4000-8000-000000000001', kvk: '90000001', name: 'Opleidingen Noord B.V.', iban: 'NL02ABNA0123456789', suspended: false },
  { id: '00000000-0000-4000-8000-000000000002', kvk: '90000002', name: 'Vakschool Zuid B.V.', iban: 'NL91ABNA0417164300', suspended: false },
  { id: '00000000-0000-4000-8000-000000000003', kvk: '90000003', name: 'Cursus Centrum Oost B.V.', iban: 'NL20INGB0001234567', suspended: true },
];
const ADVISER = { id: '00000000-0000-4000-8000-0000000000a1', kvk: '90000011', name: 'Loopbaan Advies Groep B.V.', iban: 'NL39RABO0300065264' };

export async function seedDemoData(prisma: PrismaClient, logger: Logger): Promise<void> {
  if ((await prisma.purchaseOrder.count()) > 0) return;
  const today = amsterdamDateOf(new Date());
  for (const payee of [...PROVIDERS.map((p) => ({ ...p, kind: 'PROVIDER' })), { ...ADVISER, kind: 'ADVISER_ORGANISATION', suspended: false }]) {
    await prisma.payee.create({ data: { id: payee.id, kind: payee.kind, kvkNumber: payee.kvk, name: payee.name, suspended: payee.suspended } });
    await prisma.bankAccountVersion.create({
      data: { accountReference: `demo-${payee.id}`, payeeId: payee.id, payeeKind: payee.kind, ibanLast4: payee.iban.slice(-4), effectiveFrom: new Date('2022-01-01T00:00:00Z'), iban: payee.iban, holderName: payee.name },
    });
  }
  const grants = [95_000, 100_000, 62_500, 100_000, 48_000, 87_250];
  for (const [index, cents] of grants.entries()) {
    const provider = PROVIDERS[index % PROVIDERS.length];
    const { order } = await prisma.$transaction((tx) =>
      issuePurchaseOrder(tx, {
        eventId: `demo-grant-${index + 1}`,
        sourceKind: 'APPLICATION',
        sourceId: `00000000-0000-4000-9000-00000000000${index + 1}`,
        tijdvak: { regeling: 'STAP', tijdvakId: 'STAP-2023-05' },
        payee: { kind: 'PROVIDER', id: provider.id },
        committedCents: cents,
        decidedOn: today,
        trainingStartDate: addDays(today, 7 + index),
        trainingEndDate: addDays(today, 90 + index),
        immediatePayments: [],
      }),
    );
    if (index < 4) {
      await submitInvoice(prisma, { purchaseOrderId: order.id, invoiceNumber: `DEMO-${index + 1}`, invoiceDate: today, amountCents: cents, currency: 'EUR', kind: 'ADVANCE' }, { subject: 'demo' });
    }
  }
  await prisma.$transaction((tx) =>
    issuePurchaseOrder(tx, {
      eventId: 'demo-claim-1',
      sourceKind: 'CLAIM',
      sourceId: '00000000-0000-4000-9000-0000000000c1',
      tijdvak: { regeling: 'NLLD_ONTWIKKELADVIES', tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-12' },
      payee: { kind: 'ADVISER_ORGANISATION', id: ADVISER.id },
      committedCents: 3 * 70_000,
      decidedOn: '2021-05-03',
      immediatePayments: [1, 2, 3].map((n) => ({ sourceKey: `claim:demo-claim-1:trajectory:${n}`, amountCents: 70_000, remittance: `Ontwikkeladvies traject demo-${n}` })),
    }),
  );
  logger.info({ purchaseOrders: grants.length + 1 }, 'demo data seeded');
}
