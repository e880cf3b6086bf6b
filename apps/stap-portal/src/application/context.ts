// What the use cases need from the outside world, assembled once in main.ts (and in tests, against the real
// database and broker).
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { ExternalRegisters } from '../infrastructure/external/registers-client';
import type { DecisionPipeline } from '../infrastructure/decisions/decision-pipeline';
import type { PrismaClient } from '../infrastructure/prisma/client';

export interface PortalContext {
  prisma: PrismaClient;
  pool: Pool;
  logger: Logger;
  registers: ExternalRegisters;
  decisions: DecisionPipeline;
  secret: string;
  admissionRatePerSecond: number;
  admissionValidityMs: number;
  now: () => Date;
}
