// stap-portal's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

/** For `tools/stap up` only; main.ts warns when it is in use. Production sets its own PORTAL_SECRET. */
export const DEVELOPMENT_SECRET = 'development-only-portal-secret-not-for-production';

export const stapPortalConfigSchema = extendServiceConfig({
  /** Development/test bearer tokens for staff, providers and partners: `token=subject:kind:scope1+scope2[:kvk]`. */
  DEV_TOKENS: z.string().default(''),
  /**
   * Secret (at least 32 characters) that signs the portal's own tokens: the individual's session token after the
   * OpenID Connect login (it carries the BSN from the identity provider) and the waiting room's admission tokens.
   */
  PORTAL_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_SECRET),
  /** Places admitted from the waiting room per second, from the opening instant. */
  QUEUE_ADMISSION_RATE_PER_SECOND: z.coerce.number().positive().default(20),
  /** How long an admission token opens the application form. */
  ADMISSION_VALIDITY_MS: envField.durationMs().default(30 * 60_000),
  /** gRPC address of the personal records, insurance history and student finance registers; empty = the stand-in. */
  EXTERNAL_REGISTERS_ADDRESS: z.string().default(''),
  /** Test persons the local stand-in of the external registers serves (JSON). */
  EXTERNAL_FIXTURE: z.string().default('apps/stap-portal/src/infrastructure/external/test-persons.json'),
  /** Applications decided per database transaction at most (the decision pipeline batches under load). */
  DECISION_BATCH_MAX: z.coerce.number().int().min(1).max(5_000).default(500),
  /** How often the scheduler opens and closes tijdvakken. */
  SCHEDULER_INTERVAL_MS: envField.durationMs().default(1_000),
  /** Seeds the demo data (an open tijdvak, trainings, providers) when the database is empty. */
  SEED_DEMO_DATA: envField.booleanFlag().default(false),
  /** OpenID Connect issuer for individuals (DigiD-like). Development: the project's dev identity provider. */
  OIDC_ISSUER: z.string().url().default('http://127.0.0.1:8090'),
  OIDC_CLIENT_ID: z.string().default('stap-portal'),
  OIDC_CLIENT_SECRET: z.string().default('stap-portal-development-secret'),
  /** Public base URL of the web pages (for the OIDC redirect); empty = http://127.0.0.1:<HTTP_PORT>. */
  PUBLIC_BASE_URL: z.string().default(''),
  /** Appended to consumer group ids (tests and replays read as an independent group). */
  CONSUMER_GROUP_SUFFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
});

export type StapPortalConfig = z.output<typeof stapPortalConfigSchema>;

export const loadStapPortalConfig = () => loadConfigOrExit(stapPortalConfigSchema);
