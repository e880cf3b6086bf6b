// scholingsregister's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

/** For local development and tests only; main.ts warns when it is in use. Production sets PAGES_SESSION_SECRET. */
export const DEVELOPMENT_PAGES_SECRET = 'development-only-scholingsregister-pages-secret';

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
  /** How often the scheduler applies due provider changes and reopens trainings after a grant-limit year. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Signs the provider pages' session cookie and derives their CSRF tokens (HMAC-SHA256). */
  PAGES_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_PAGES_SECRET),
  /** Mark the pages' cookies `Secure` (HTTPS only). True in production; false on a developer's plain-HTTP machine. */
  PAGES_SECURE_COOKIES: envField.booleanFlag().default(false),
  /**
   * Public search answers (GET /api/v1/trainings) are served from memory for this many seconds, and the response
   * allows shared caches the same (`Cache-Control: public, max-age`). A withdrawn, excluded or changed training can
   * thus still appear in a search for up to this long. 0 switches the cache off.
   */
  SEARCH_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /** At most this many distinct searches are kept in that cache (least recently used first out). */
  SEARCH_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Largest feed accepted over HTTP. */
  FEED_BODY_LIMIT: z.string().default('64mb'),
});
export type ScholingsregisterConfig = z.output<typeof scholingsregisterConfigSchema>;
export const loadScholingsregisterConfig = () => loadConfigOrExit(scholingsregisterConfigSchema);
