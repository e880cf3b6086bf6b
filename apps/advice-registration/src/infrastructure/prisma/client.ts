// The service's Prisma client: generated from prisma/schema.prisma into ./generated (git-ignored), running without
// native engines over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;
export type { Trajectory as TrajectoryRow, Claim as ClaimRow, ClaimLine as ClaimLineRow } from './generated/client';

export function createPrismaClient(databaseUrl: string, maxConnections = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) });
}

/** PostgreSQL unique_violation, as Prisma reports it (P2002) or as the driver does (23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true;
  // A raw query reports the driver's SQLSTATE in its message (P2010 "Raw query failed. Code: `23505`").
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('`23505`') || text.includes('Unique constraint');
}
