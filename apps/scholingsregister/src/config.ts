// scholingsregister's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

export const scholingsregisterConfigSchema = extendServiceConfig({
  /**
   * Appended to the consumer group ids. Empty in production; a test or a replay sets it to read the topics as an
   * independent group on a shared broker, without taking partitions from the running service.
   */
  CONSUMER_GROUP_SUFFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
  /** Development/test bearer tokens, `token=subject:kind:scope1+scope2[:kvk]`, comma-separated. Empty: nobody. */
  DEV_TOKENS: z.string().default(''),
  /** At start, when the register is empty, load deterministic demo data (src/demo). Never in production. */
  SEED_DEMO_DATA: envField.booleanFlag().default(false),
  /** How many providers of the generated 1,500 the demo seed loads (each with its trainings). */
  DEMO_PROVIDERS: z.coerce.number().int().min(1).max(1_500).default(30),
  /** Largest feed accepted over HTTP. */
  FEED_BODY_LIMIT: z.string().default('64mb'),
});
export type ScholingsregisterConfig = z.output<typeof scholingsregisterConfigSchema>;
export const loadScholingsregisterConfig = () => loadConfigOrExit(scholingsregisterConfigSchema);
