// advice-registration: development-advice trajectories and bundled claims (NL Leert Door, Ontwikkeladvies STAP,
// TSOV 45+). Start order follows DESIGN.md §4: telemetry before anything else is loaded, validated configuration,
// infrastructure, consumers, servers; shutdown in the reverse direction.
import { telemetry } from '@stap/platform/telemetry/register';
import { Pool } from 'pg';
import { createLogger } from '@stap/platform/logging';
import { bearerTokenAuthenticator, parseTokenTable, startGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer } from '@stap/platform/http';
import { createKafka, createReliableProducer, ensureTopics, OutboxRelay } from '@stap/platform/kafka';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { loadAdviceRegistrationConfig, serviceClock } from './config';
import { seedDemoData } from './demo/seed';
import { ADVICE_TOPICS } from './infrastructure/messaging/advice-events';
import { createPrismaClient } from './infrastructure/prisma/client';
import { adviceConsumers } from './transport/events/consumers';
import { adviceRegistrationService } from './transport/grpc/advice-registration.grpc';
import { apiRoutes } from './transport/http/api';
import { OPENAPI_DOCUMENT } from './transport/http/openapi';
import { pageRoutes } from './transport/http/pages';

const SERVICE = 'advice-registration';

async function main(): Promise<void> {
  const config = loadAdviceRegistrationConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL, 20);
  const useCases = { prisma, clock: serviceClock(config.ADVICE_CLOCK_STARTS_AT), suppressionThreshold: config.MONITOR_SUPPRESSION_THRESHOLD };
  if (config.SEED_DEMO_DATA) await seedDemoData(prisma, logger);

  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  const consumers = adviceConsumers(kafka, prisma, logger, config.CONSUMER_GROUP_SUFFIX);
  await ensureTopics(kafka, [...ADVICE_TOPICS, ...consumers.topics]);
  await consumers.runner.start();

  const relayPool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool: relayPool, producer, logger: logger.child({ component: 'outbox-relay' }) });
  relay.start();

  const tokens = parseTokenTable(config.DEV_TOKENS);
  const kit = { logger, authenticate: bearerTokenAuthenticator(tokens) };
  const grpc = await startGrpcServer({ services: [adviceRegistrationService(kit, useCases)] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const http = await startHttpServer(
    createHttpApp({
      serviceName: SERVICE,
      logger,
      openApiDocument: OPENAPI_DOCUMENT,
      readinessChecks: [
        { name: 'accepting', check: async () => void (accepting || Promise.reject(new Error('shutting down'))) },
        { name: 'database', check: async () => void (await prisma.$queryRaw`SELECT 1`) },
      ],
      routes: (router) => {
        apiRoutes(router, useCases, tokens);
        pageRoutes(router, useCases, tokens);
      },
    }),
    config.HTTP_PORT,
    '0.0.0.0',
  );
  logger.info({ grpcPort: grpc.port, httpPort: http.port }, 'advice-registration started');

  shutdown
    .step('readiness NOT_SERVING', () => {
      accepting = false;
      grpc.setServing(false);
    })
    .step('Kafka consumer', () => consumers.runner.stop())
    .step('gRPC drain', () => grpc.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2))
    .step('HTTP', () => http.close())
    .step('outbox relay', () => relay.stop())
    .step('Kafka producer', () => producer.disconnect())
    .step('database', async () => {
      await relayPool.end();
      await prisma.$disconnect();
    })
    .step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`advice-registration failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
