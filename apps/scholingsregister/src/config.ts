// scholingsregister's configuration: the shared service variables (libs/platform/src/config). Its own variables
// arrive with the register slices (issue #5).
import { z } from 'zod';
import { extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

export const scholingsregisterConfigSchema = extendServiceConfig({
  /**
   * Appended to the consumer group ids. Empty in production; a test or a replay sets it to read the topics as an
   * independent group on a shared broker, without taking partitions from the running service.
   */
  CONSUMER_GROUP_SUFFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
});
export type ScholingsregisterConfig = z.output<typeof scholingsregisterConfigSchema>;
export const loadScholingsregisterConfig = () => loadConfigOrExit(scholingsregisterConfigSchema);
