// What every use case gets: the database and the clock. The clock is injected so that the historic tranches
// (2018-2022) can be exercised at their own dates in tests, the demo and the benchmark.
import type { PrismaClient } from '../infrastructure/prisma/client';

export type Clock = () => Date;

export interface UseCaseContext {
  prisma: PrismaClient;
  clock: Clock;
}

/** Interactive transactions wait in line for the hot counter rows under load; give them room. */
export const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export const isoDateOf = (date: Date): string => date.toISOString().slice(0, 10);
export const dateColumn = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
