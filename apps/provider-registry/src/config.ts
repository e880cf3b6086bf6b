// provider-registry's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';

export const providerRegistryConfigSchema = extendServiceConfig({
  /** Development/test bearer tokens, `token=subject:kind:scope1+scope2[:kvk]`, comma-separated. Empty: nobody. */
  DEV_TOKENS: z.string().default(''),
  /**
   * Fault injection for the reliability test only: the process kills itself (SIGKILL) after the broker acknowledged
   * an outbox batch and before the rows are marked sent, the window in which a crash causes a re-send.
   */
  FAULT_KILL_RELAY_AFTER_SEND: envField.booleanFlag().default(false),
  /**
   * Recognising bodies and the one route each may grant and revoke: `subject=ROUTE`, comma-separated. The default
   * names the two development bodies of tools/run/services.ts; it grants nothing unless a token has that subject.
   */
  RECOGNISING_BODY_ROUTES: z.string().default('nrto-body=NRTO,rio-body=OCW_RIO'),
  /** How often the expiry sweep looks for recognitions past their end date (it is idempotent; hourly is plenty). */
  EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  /** Load the deterministic demo population (src/demo) at start when the database has no providers yet. */
  SEED_DEMO_DATA: envField.booleanFlag().default(false),
});

export type ProviderRegistryConfig = z.output<typeof providerRegistryConfigSchema>;

export const loadProviderRegistryConfig = () => loadConfigOrExit(providerRegistryConfigSchema);
