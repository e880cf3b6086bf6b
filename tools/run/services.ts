// The services `tools/stap up` starts, with their local ports and databases. One place, so README, launcher and
// tests agree. Production configuration comes from each service's environment instead (see README).
export interface LocalService {
  app: string;
  /** Entry points started as separate processes (a service may run its consumers in their own process). */
  entries: string[];
  grpcPort: number;
  httpPort: number;
  database: string;
}

export const LOCAL_SERVICES: LocalService[] = [
  { app: 'provider-registry', entries: ['src/main.ts'], grpcPort: 50051, httpPort: 8081, database: 'stap_provider_registry' },
  { app: 'scholingsregister', entries: ['src/main.ts'], grpcPort: 50052, httpPort: 8082, database: 'stap_scholingsregister' },
  { app: 'stap-portal', entries: ['src/main.ts', 'src/dev-idp/main.ts'], grpcPort: 50053, httpPort: 8083, database: 'stap_stap_portal' },
  { app: 'advice-registration', entries: ['src/main.ts'], grpcPort: 50054, httpPort: 8084, database: 'stap_advice_registration' },
  { app: 'payment', entries: ['src/main.ts'], grpcPort: 50055, httpPort: 8085, database: 'stap_payment' },
];

/** Development bearer tokens for local use only (see README "Authentication"): token=subject:kind:scopes[:kvk]. */
export const LOCAL_DEV_TOKENS = [
  'dev-staff=staff-1:staff:providers:read+providers:write+providers:admin',
  'dev-partner=partner-1:partner:providers:read',
  // provider-registry: an officer for status decisions, bank accounts and advisers; the payment service; two
  // recognising bodies (routes in provider-registry's RECOGNISING_BODY_ROUTES); demo provider KVK 30000000.
  'dev-registry-officer=officer-2:staff:providers:read+providers:write+providers:status:write+providers:bank-accounts:write+providers:advisers:write',
  'dev-payment=payment-service:service:providers:read+providers:bank-accounts:read',
  'dev-nrto=nrto-body:recognising_body:providers:recognitions:write',
  'dev-rio=rio-body:recognising_body:providers:recognitions:write',
  'dev-demo-provider=demo-provider-1:provider:providers:read:30000000',
  // stap-portal: an executor officer, the demo provider "Opleidingen Noord" (KVK 12345678) and a municipality.
  'dev-portal-officer=officer-1:staff:portal:tijdvak:write+portal:counter+portal:read',
  'dev-opleider=opleider-1:provider:portal:certificates:12345678',
  'dev-gemeente=gemeente-1:partner:portal:status:lookup+portal:purpose:reintegration',
  // payment: a finance officer (settlement, batches, reports) and a partner agency that may read purchase orders.
  'dev-finance=finance-1:staff:payments:read+payments:settle+payments:batch+payments:reports',
  'dev-payment-reader=partner-2:partner:payments:read',
  // advice-registration: the demo adviser organisations (KVK 90000001 and 90000002) and an executor officer.
  'dev-adviseur-1=demo-adviseur-1:adviser::90000001',
  'dev-adviseur-2=demo-adviseur-2:adviser::90000002',
  'dev-advice-officer=officer-3:staff:advice:read+advice:reports',
  // scholingsregister: the register keeper, a reviewer (Toetsingskamer), an NL Leert Door officer, and the first
  // generated demo provider (KVK 60000000, loaded when SEED_DEMO_DATA=true).
  'dev-register-keeper=keeper-1:staff:register:keeper',
  'dev-reviewer=reviewer-1:staff:register:review',
  'dev-scholing-officer=officer-4:staff:register:scholing:decide',
  'dev-register-provider=demo-provider-60000000:provider::60000000',
].join(',');

/** The local database URL of an app: the server of $POSTGRES_URL (tools/infra/up), the app's own database. */
export function localDatabaseUrl(app: string): string {
  const service = LOCAL_SERVICES.find((candidate) => candidate.app === app);
  if (!service) throw new Error(`unknown app ${app}; add it to tools/run/services.ts`);
  const postgresUrl = process.env.POSTGRES_URL;
  if (!postgresUrl) throw new Error('POSTGRES_URL is not set; run through tools/stap, which starts the infrastructure');
  const url = new URL(postgresUrl);
  url.pathname = `/${service.database}`;
  return url.toString();
}
