// The service's Prisma client: generated from prisma/schema.prisma into ./generated (git-ignored), running without
// native engines over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
export type PurchaseOrderRow = Prisma.PurchaseOrderModel;
export type PaymentRow = Prisma.PaymentModel;
export type PaymentBatchRow = Prisma.PaymentBatchModel;
export type RecoveryOrderRow = Prisma.RecoveryOrderModel;
export type SettlementRow = Prisma.SettlementModel;
export type InvoiceRow = Prisma.InvoiceModel;

export function createPrismaClient(databaseUrl: string, maxConnections = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) });
}

/** P2002: a unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
