// The service's Prisma client: generated from prisma/schema.prisma into ./generated (git-ignored), running without
// native engines over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { Prisma, PrismaClient };
export type ProviderRow = Prisma.ProviderModel;
export type RecognitionRow = Prisma.RecognitionModel;
export type StatusDecisionRow = Prisma.StatusDecisionModel;
export type BankAccountRow = Prisma.BankAccountModel;
export type AdviserOrganisationRow = Prisma.AdviserOrganisationModel;
export type CareerAdviserRow = Prisma.CareerAdviserModel;
export type Tx = Prisma.TransactionClient;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

/** P2002: a unique constraint refused the row (here: a second provider with the same KVK number). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
