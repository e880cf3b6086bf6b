// Test harness: the real gRPC server of the service, in this process, on a fresh migrated PostgreSQL database, and a
// real gRPC client. Nothing is mocked; each test file gets its own database, so files run in parallel.
import path from 'node:path';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { ProviderRegistryServiceClient } from '@stap/contracts/stap/providers/v1/providers';
import { bearerTokenAuthenticator, callUnary, decodeRichError, parseTokenTable, startGrpcServer, type RunningGrpcServer } from '@stap/platform/grpc';
import { createLogger } from '@stap/platform/logging';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { parseRouteTable } from '../src/transport/auth/actor';
import { providerRegistryService } from '../src/transport/grpc/provider-registry.grpc';

export const KVK_A = '11111111';
export const KVK_B = '22222222';

/** token=subject:kind:scopes[:kvk], the DEV_TOKENS format. */
export const TOKENS = [
  'staff=officer-1:staff:providers:read+providers:write+providers:status:write+providers:bank-accounts:write+providers:advisers:write',
  'payment=payment-service:service:providers:read+providers:bank-accounts:read',
  'partner=gemeente-1:partner:providers:read',
  `provider-a=user-a:provider:providers:read:${KVK_A}`,
  `provider-b=user-b:provider:providers:read:${KVK_B}`,
  'nrto=nrto-feed:recognising_body:providers:recognitions:write',
  'rio=duo-rio:recognising_body:providers:recognitions:write',
  'adviser-org=adviser-1:adviser::33333333',
].join(',');
export const ROUTES = 'nrto-feed=NRTO,duo-rio=OCW_RIO';

export type Token = 'staff' | 'payment' | 'partner' | 'provider-a' | 'provider-b' | 'nrto' | 'rio' | 'adviser-org' | 'nobody';

export interface Harness {
  db: TestDatabase;
  prisma: PrismaClient;
  client: InstanceType<typeof ProviderRegistryServiceClient>;
  server: RunningGrpcServer;
  close(): Promise<void>;
}

export async function startHarness(name: string): Promise<Harness> {
  const db = await createTestDatabase(name);
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  const prisma = createPrismaClient(db.url);
  const logger = createLogger({ service: 'provider-registry-test', level: 'silent' });
  const kit = { logger, authenticate: bearerTokenAuthenticator(parseTokenTable(TOKENS)) };
  const server = await startGrpcServer({ services: [providerRegistryService(kit, { prisma, recognisingBodyRoutes: parseRouteTable(ROUTES) })] }, 0);
  const client = new ProviderRegistryServiceClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
  return {
    db,
    prisma,
    client,
    server,
    close: async () => {
      client.close();
      await server.shutdown(1_000);
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

export function as(token: Token): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

type Method<Req, Res> = Parameters<typeof callUnary<Req, Res>>[1];

/** Calls a method and returns its answer. */
export function call<Req, Res>(h: Harness, method: Method<Req, Res>, request: Req, token: Token): Promise<Res> {
  return callUnary(h.client, method, request, as(token));
}

/** Calls a method that must fail, and returns the decoded rich error. */
export async function failure<Req, Res>(h: Harness, method: Method<Req, Res>, request: Req, token: Token) {
  const error = await callUnary(h.client, method, request, as(token)).then(
    () => undefined,
    (caught: ServiceError) => caught,
  );
  if (!error) throw new Error('the call succeeded but was expected to fail');
  return decodeRichError(error);
}

export const date = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

export function registration(kvkNumber: string, name = `Opleider ${kvkNumber}`) {
  return {
    kvkNumber: { value: kvkNumber },
    legalName: `${name} B.V.`,
    communicationName: name,
    contact: { email: 'info@example.nl', phone: '', website: '' },
    address: { street: 'Parnassusplein', houseNumber: 5, houseNumberAddition: '', postalCode: '2511vx', city: 'Den Haag' },
  };
}

export async function outboxTypes(h: Harness, subject: string): Promise<string[]> {
  const rows = await h.prisma.outboxEvent.findMany({ where: { subject }, orderBy: { seq: 'asc' } });
  return rows.map((row) => row.type);
}
