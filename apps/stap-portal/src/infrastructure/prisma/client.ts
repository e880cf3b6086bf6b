// The service's Prisma client: generated from prisma/schema.prisma into ./generated (git-ignored), running without
// native engines over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
export type TijdvakRow = Prisma.TijdvakModel;
export type ApplicationRow = Prisma.ApplicationModel;
export type CertificateRow = Prisma.EnrolmentCertificateModel;
export type QueueTicketRow = Prisma.QueueTicketModel;
export type ProofRow = Prisma.ParticipationProofModel;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // Under a window-opening load a transaction may wait for a pool connection longer than Prisma's 2 s default.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

/** P2002: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
