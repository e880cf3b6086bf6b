// The IBAN of a bank account version comes from provider-registry's GetBankAccount over real gRPC (the IBAN never
// travels in Kafka). provider-registry is built in parallel, so this test serves the ProviderRegistryService contract
// from a small stand-in that knows two account versions and checks the caller's token; the payment side (client,
// deadline, token, caching per version, holding a payee whose account cannot be resolved) is the real code.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '@stap/platform/logging';
import { bearerTokenAuthenticator, parseTokenTable, startGrpcServer, unary, type RunningGrpcServer } from '@stap/platform/grpc';
import { notFoundError } from '@stap/platform/errors';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { freePort } from '@stap/platform/testing/service-process';
import { ProviderRegistryServiceService, type BankAccount, type GetBankAccountRequest } from '@stap/contracts/stap/providers/v1/providers';
import { createPaymentBatch } from '../src/application/create-payment-batch';
import { exportPaymentBatch } from '../src/application/export-payment-batch';
import { providerRegistryDirectory, type BankAccountDirectory } from '../src/infrastructure/bank/bank-account-directory';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { nextIban, today } from './events';

const TOKEN = `payment-${randomUUID()}`;
const ACCOUNTS = new Map<string, BankAccount>();
let server: RunningGrpcServer;
let db: TestDatabase;
let prisma: PrismaClient;
let directory: BankAccountDirectory;
let calls = 0;

function account(reference: string, iban: string): BankAccount {
  return { accountReference: reference, iban: { value: iban }, accountHolderName: 'Opleidingen West B.V.', owner: undefined, current: true };
}

beforeAll(async () => {
  const logger = createLogger({ service: 'registry-stand-in', level: 'error' });
  const kit = { logger, authenticate: bearerTokenAuthenticator(parseTokenTable(`${TOKEN}=payment-service:service:providers:bank-accounts:read`)) };
  server = await startGrpcServer(
    {
      services: [
        {
          name: 'stap.providers.v1.ProviderRegistryService',
          definition: ProviderRegistryServiceService,
          implementation: {
            getBankAccount: unary<GetBankAccountRequest, BankAccount>(kit, async (request) => {
              calls += 1;
              const found = ACCOUNTS.get(request.accountReference);
              if (!found) throw notFoundError('unknown account reference');
              return found;
            }),
          },
        },
      ],
    },
    await freePort(),
  );
  db = await createTestDatabase('payment_directory');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  prisma = createPrismaClient(db.url);
  directory = providerRegistryDirectory(`127.0.0.1:${server.port}`, TOKEN);
});

afterAll(async () => {
  directory?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await server?.shutdown(1000);
});

async function payable(payeeId: string, reference: string | undefined): Promise<void> {
  await prisma.payee.create({ data: { id: payeeId, kind: 'PROVIDER', name: 'Opleidingen West B.V.' } });
  if (reference) {
    await prisma.bankAccountVersion.create({
      data: { accountReference: reference, payeeId, payeeKind: 'PROVIDER', ibanLast4: '0000', effectiveFrom: new Date(Date.now() - 60_000) },
    });
  }
  await prisma.payment.create({
    data: { id: randomUUID(), sourceKey: `test:${payeeId}`, purchaseOrderId: randomUUID(), regeling: 'STAP', tijdvakId: 'STAP-2023-05', payeeKind: 'PROVIDER', payeeId, grossCents: 10_000n, remittance: 'test' },
  });
}

it('fetches the IBAN of each current account version with its token, caches it, and holds a payee whose account is unknown', async () => {
  const known = randomUUID();
  const unknown = randomUUID();
  const iban = nextIban();
  ACCOUNTS.set(`ref-${known}`, account(`ref-${known}`, iban));
  await payable(known, `ref-${known}`);
  await payable(unknown, `ref-${unknown}`);

  const { batch, held } = await createPaymentBatch(prisma, directory, { executionDate: today(), regelingen: [], createdBy: 'test' });
  expect([batch.paymentCount, held.noBankAccount]).toEqual([1, 1]);
  const paid = await prisma.payment.findFirstOrThrow({ where: { payeeId: known } });
  expect([paid.iban, paid.holderName, paid.status]).toEqual([iban, 'Opleidingen West B.V.', 'SCHEDULED']);
  expect((await prisma.bankAccountVersion.findUniqueOrThrow({ where: { accountReference: `ref-${known}` } })).iban).toBe(iban);
  expect((await prisma.payment.findFirstOrThrow({ where: { payeeId: unknown } })).status).toBe('PAYABLE');
  expect(calls).toBe(2);

  await expect(providerRegistryDirectory(`127.0.0.1:${server.port}`, 'wrong-token').get(`ref-${known}`)).rejects.toThrow(/UNAUTHENTICATED|bearer/i);
});

it('lets only one of two concurrent batch runs take the payable payments, so none is in two batches', async () => {
  const open = await prisma.paymentBatch.findMany({ where: { status: 'CREATED' } });
  for (const batch of open) await exportPaymentBatch(prisma, batch.id, { name: 'UWV', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
  const payees = [randomUUID(), randomUUID(), randomUUID()];
  for (const payeeId of payees) {
    ACCOUNTS.set(`ref-${payeeId}`, account(`ref-${payeeId}`, nextIban()));
    await payable(payeeId, `ref-${payeeId}`);
  }
  const request = { executionDate: today(), regelingen: [], createdBy: 'test' };
  const outcomes = await Promise.allSettled([createPaymentBatch(prisma, directory, request), createPaymentBatch(prisma, directory, request)]);
  const made = outcomes.filter((outcome) => outcome.status === 'fulfilled');
  const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
  expect([made.length, refused.length]).toEqual([1, 1]);
  expect(String((refused[0] as PromiseRejectedResult).reason.reason)).toMatch(/^(BATCH_OPEN|NOTHING_PAYABLE)$/);
  const scheduled = await prisma.payment.findMany({ where: { payeeId: { in: payees } } });
  expect(new Set(scheduled.map((payment) => payment.batchId)).size).toBe(1);
  expect(scheduled.every((payment) => payment.status === 'SCHEDULED')).toBe(true);
});
