// advice-registration's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

export const adviceRegistrationConfigSchema = extendServiceConfig({
  /** Development/test bearer tokens, `token=subject:kind:scope1+scope2[:kvk]`, comma-separated. Empty: nobody. */
  DEV_TOKENS: z.string().default(''),
  /** Appended to the consumer group id, so a test or a replay can read the topics as an independent group. */
  CONSUMER_GROUP_SUFFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
  /** Load the deterministic demo data (tools/stap up) into an empty database at start. */
  SEED_DEMO_DATA: envField.booleanFlag().default(false),
  /**
   * The service's clock starts at this instant (RFC 3339) and runs on from there. The schemes are historic
   * (2018-2022): a demo or an acceptance environment replays them at their own dates. Unset: the real time.
   */
  ADVICE_CLOCK_STARTS_AT: z.iso.datetime({ offset: true }).optional(),
  /** Monitor cells with fewer people than this are suppressed (privacy of small groups). */
  MONITOR_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(10),
});

export type AdviceRegistrationConfig = z.output<typeof adviceRegistrationConfigSchema>;

export const loadAdviceRegistrationConfig = () => loadConfigOrExit(adviceRegistrationConfigSchema);

/** A clock that starts at `startsAt` when given and advances with real time. */
export function serviceClock(startsAt: string | undefined): () => Date {
  if (!startsAt) return () => new Date();
  const offset = Date.parse(startsAt) - Date.now();
  return () => new Date(Date.now() + offset);
}
