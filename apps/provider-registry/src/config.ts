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
});

export type ProviderRegistryConfig = z.output<typeof providerRegistryConfigSchema>;

export const loadProviderRegistryConfig = () => loadConfigOrExit(providerRegistryConfigSchema);
