// scholingsregister: trainings, start moments, feeds with processing reports, search, NL Leert Door scholing.
// Start order (DESIGN.md §4): telemetry first, validated config, infrastructure (outbox relay, consumers), servers;
// shutdown in the reverse direction.
import { telemetry } from '@stap/platform/telemetry/register';
import { Pool } from 'pg';
import { createLogger } from '@stap/platform/logging';
import { bearerTokenAuthenticator, parseTokenTable, startGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer } from '@stap/platform/http';
import { createKafka, createReliableProducer, ensureTopics, OutboxRelay } from '@stap/platform/kafka';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { DEVELOPMENT_PAGES_SECRET, loadScholingsregisterConfig } from './config';
import { providerPages } from './transport/http/provider-pages';
import { createPrismaClient } from './infrastructure/prisma/client';
import { REGISTER_TOPICS } from './infrastructure/messaging/register-events';
import { providerEventsConsumer } from './transport/events/provider-events.consumer';
import { portalEventsConsumer } from './transport/events/portal-events.consumer';
import { publicAware, scholingsregisterService } from './transport/grpc/scholingsregister.grpc';
import { OPENAPI_DOCUMENT, registerApi } from './transport/http/register-api';
import { SearchResponseCache } from './transport/http/search-response-cache';
import { pgRunner } from './application/search-trainings';
import { seedDemoData } from './demo/seed';
import { registerScheduler } from './transport/scheduler/register-scheduler';

const SERVICE = 'scholingsregister';

async function main(): Promise<void> {
  const config = loadScholingsregisterConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL);
  if (config.SEED_DEMO_DATA) await seedDemoData(prisma, logger, config.DEMO_PROVIDERS);

  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  const consumers = [providerEventsConsumer(kafka, prisma, logger, config.CONSUMER_GROUP_SUFFIX), portalEventsConsumer(kafka, prisma, logger, config.CONSUMER_GROUP_SUFFIX)];
  await ensureTopics(kafka, [...REGISTER_TOPICS, ...consumers.flatMap((consumer) => consumer.topics)]);
  for (const consumer of consumers) await consumer.runner.start();

  const relayPool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  // The public HTTP search runs its one statement on node-postgres directly (less CPU per search than through
  // Prisma, application/search-trainings.ts SqlRunner); jit=off as for Prisma's sessions (infrastructure/prisma/client.ts).
  const searchPool = new Pool({ connectionString: config.DATABASE_URL, max: 8, options: '-c jit=off' });
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool: relayPool, producer, logger: logger.child({ component: 'outbox-relay' }) });
  relay.start();
  const scheduler = registerScheduler(prisma, logger.child({ component: 'scheduler' }), config.SCHEDULER_INTERVAL_MS);
  scheduler.start();

  const tokens = parseTokenTable(config.DEV_TOKENS);
  if (config.PAGES_SESSION_SECRET === DEVELOPMENT_PAGES_SECRET) logger.warn('provider pages use the development session secret; set PAGES_SESSION_SECRET outside development');
  const kit = { logger, authenticate: publicAware(bearerTokenAuthenticator(tokens)) };
  const grpc = await startGrpcServer({ services: [scholingsregisterService(kit, prisma)] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const http = await startHttpServer(
    createHttpApp({
      serviceName: SERVICE,
      logger,
      openApiDocument: OPENAPI_DOCUMENT,
      bodyLimit: config.FEED_BODY_LIMIT,
      routes: (router) => {
        registerApi(prisma, tokens, new SearchResponseCache({ ttlSeconds: config.SEARCH_CACHE_TTL_SECONDS, maxEntries: config.SEARCH_CACHE_MAX_ENTRIES }), pgRunner(searchPool))(router);
        providerPages(prisma, { tokens, secret: config.PAGES_SESSION_SECRET, secureCookies: config.PAGES_SECURE_COOKIES })(router);
      },
      readinessChecks: [
        { name: 'accepting', check: async () => void (accepting || Promise.reject(new Error('shutting down'))) },
        { name: 'database', check: async () => void (await prisma.$queryRaw`SELECT 1`) },
      ],
    }),
    config.HTTP_PORT,
    '0.0.0.0',
  );
  logger.info({ grpcPort: grpc.port, httpPort: http.port }, 'scholingsregister started');

  shutdown
    .step('readiness NOT_SERVING', () => {
      accepting = false;
      grpc.setServing(false);
    })
    .step('Kafka consumers', () => Promise.all(consumers.map((consumer) => consumer.runner.stop())).then(() => undefined))
    .step('scheduler', () => scheduler.stop())
    .step('gRPC drain', () => grpc.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2))
    .step('outbox relay', () => relay.stop())
    .step('Kafka producer', () => producer.disconnect())
    .step('HTTP', () => http.close())
    .step('database', async () => {
      await relayPool.end();
      await searchPool.end();
      await prisma.$disconnect();
    })
    .step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`scholingsregister failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
