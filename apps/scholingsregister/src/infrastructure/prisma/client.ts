// The service's Prisma client: generated from prisma/schema.prisma into ./generated (git-ignored), running without
// native engines over node-postgres through @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from './generated/client';

export { Prisma, PrismaClient };
export type TransactionClient = Prisma.TransactionClient;

/**
 * JIT compilation is switched off for this service's sessions: its queries are short OLTP statements (a search page,
 * a feed's batch), and the server's default JIT compiles any plan estimated above jit_above_cost, which added
 * 100+ ms to single queries whenever the statistics were stale (right after a bulk feed load) or a count was broad.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, options: '-c jit=off' }) });
}
