// payment's configuration: the shared service variables (libs/platform/src/config) plus its own.
import { z } from 'zod';
import { envField, extendServiceConfig, loadConfigOrExit } from '@stap/platform/config';
import { isValidIban } from '@stap/regelingen';

export const paymentConfigSchema = extendServiceConfig({
  /** Development/test bearer tokens, `token=subject:kind:scope1+scope2[:kvk]`, comma-separated. Empty: nobody. */
  DEV_TOKENS: z.string().default(''),
  /** Appended to consumer group ids: a test or a replay reads the topics as an independent group. */
  CONSUMER_GROUP_SUFFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
  /**
   * Prepended to the names of the source topics. Empty in production; an end-to-end test sets it so the service
   * reads its own, empty topics on the shared broker instead of every other service's history.
   */
  SOURCE_TOPIC_PREFIX: z.string().regex(/^[a-z0-9.-]*$/, 'only a-z, 0-9, "." and "-"').default(''),
  /** provider-registry's gRPC address, for GetBankAccount (the full IBAN never travels in Kafka). */
  PROVIDER_REGISTRY_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  /** Bearer token payment presents to provider-registry; the default is the local development token (tools/run). */
  PROVIDER_REGISTRY_TOKEN: z.string().default('dev-payment'),
  /** The executor's own account, the debtor of every credit transfer (pain.001 Dbtr). */
  PAYER_NAME: z.string().min(1).max(70).default('Uitvoerder STAP'),
  PAYER_IBAN: z.string().refine(isValidIban, 'must be a valid IBAN').default('NL91ABNA0417164300'),
  PAYER_BIC: z.string().regex(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, 'must be a BIC').default('ABNANL2A'),
  /** Seeds deterministic demo data at start when the database is empty. */
  SEED_DEMO_DATA: envField.booleanFlag().default(false),
});

export type PaymentConfig = z.output<typeof paymentConfigSchema>;

export const loadPaymentConfig = () => loadConfigOrExit(paymentConfigSchema);
