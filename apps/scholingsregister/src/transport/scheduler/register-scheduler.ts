// The service's timer: every interval it applies provider changes whose effective date has come and reopens
// trainings whose grant-limit year is over. The clock is injected so tests move time instead of waiting. Each job
// is safe on several instances at once (see the use cases); a failed run is logged and retried on the next tick.
import type { Logger } from 'pino';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import { applyDueProviderChanges } from '../../application/apply-due-provider-changes';
import { reopenGrantLimitedTrainings } from '../../application/reopen-grant-limited-trainings';

export interface RegisterScheduler {
  /** Runs both jobs once, now (also what every tick does). */
  runOnce(): Promise<{ providerChangesApplied: number; trainingsReopened: number }>;
  start(): void;
  stop(): Promise<void>;
}

export function registerScheduler(prisma: PrismaClient, logger: Logger, intervalMs: number, clock: () => Date = () => new Date()): RegisterScheduler {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = async () => {
    const now = clock();
    const providerChangesApplied = await applyDueProviderChanges(prisma, now);
    const trainingsReopened = await reopenGrantLimitedTrainings(prisma, now);
    if (providerChangesApplied + trainingsReopened > 0) logger.info({ providerChangesApplied, trainingsReopened }, 'scheduled work done');
    return { providerChangesApplied, trainingsReopened };
  };
  // The next tick is set after a run ends, so runs never overlap on one instance.
  const tick = () => {
    running = runOnce()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduled work failed; retried on the next tick'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  return {
    runOnce,
    start: tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
