// Runs the recognition expiry sweep at start and then every interval. One run at a time per process; several
// instances may run it together (the use case claims rows with SKIP LOCKED).
import type { Logger } from 'pino';
import { expireRecognitions } from '../../application/expire-recognitions';
import { todayInAmsterdam } from '../../domain/dates';
import type { PrismaClient } from '../../infrastructure/prisma/client';

export interface RunningSweep {
  stop(): Promise<void>;
}

export function startExpirySweep(prisma: PrismaClient, logger: Logger, intervalMs: number): RunningSweep {
  let running: Promise<void> = Promise.resolve();
  const runOnce = () => {
    running = expireRecognitions(prisma, todayInAmsterdam())
      .then((expired) => void (expired > 0 && logger.info({ expired }, 'recognitions expired')))
      .catch((error: unknown) => logger.error({ err: error }, 'expiry sweep failed; retried at the next interval'));
  };
  runOnce();
  const timer = setInterval(runOnce, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
