// provider-registry: training providers and adviser organisations. Start order follows DESIGN.md §4: telemetry before
// anything else is loaded, validated configuration, infrastructure, servers; shutdown in the reverse direction.
import { telemetry } from '@stap/platform/telemetry/register';
import { Pool } from 'pg';
import { createLogger } from '@stap/platform/logging';
import { bearerTokenAuthenticator, parseTokenTable, startGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer } from '@stap/platform/http';
import { createKafka, createReliableProducer, ensureTopics, OutboxRelay } from '@stap/platform/kafka';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { loadProviderRegistryConfig } from './config';
import { seedDemoDataIfEmpty } from './demo/seed';
import { createPrismaClient } from './infrastructure/prisma/client';
import { ALL_TOPICS } from './infrastructure/messaging/provider-events';
import { parseRouteTable } from './transport/auth/actor';
import { providerRegistryService } from './transport/grpc/provider-registry.grpc';
import { OPENAPI_DOCUMENT, providerRoutes } from './transport/http/routes';
import { startExpirySweep } from './transport/jobs/expiry-sweep';

const SERVICE = 'provider-registry';

async function main(): Promise<void> {
  const config = loadProviderRegistryConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL);
  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  await ensureTopics(kafka, ALL_TOPICS);
  if (config.SEED_DEMO_DATA) await seedDemoDataIfEmpty(prisma, logger);

  const relayPool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({
    pool: relayPool,
    producer,
    logger: logger.child({ component: 'outbox-relay' }),
    afterSendBeforeMark: config.FAULT_KILL_RELAY_AFTER_SEND ? () => void process.kill(process.pid, 'SIGKILL') : undefined,
  });
  relay.start();
  const sweep = startExpirySweep(prisma, logger.child({ component: 'expiry-sweep' }), config.EXPIRY_SWEEP_INTERVAL_MS);

  const tokens = parseTokenTable(config.DEV_TOKENS);
  const recognisingBodyRoutes = parseRouteTable(config.RECOGNISING_BODY_ROUTES);
  const kit = { logger, authenticate: bearerTokenAuthenticator(tokens) };
  const grpc = await startGrpcServer({ services: [providerRegistryService(kit, { prisma, recognisingBodyRoutes })] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const http = await startHttpServer(
    createHttpApp({
      serviceName: SERVICE,
      logger,
      openApiDocument: OPENAPI_DOCUMENT,
      routes: providerRoutes({ prisma, tokens, recognisingBodyRoutes }),
      readinessChecks: [
        { name: 'accepting', check: async () => void (accepting || Promise.reject(new Error('shutting down'))) },
        { name: 'database', check: async () => void (await prisma.$queryRaw`SELECT 1`) },
      ],
    }),
    config.HTTP_PORT,
    '0.0.0.0',
  );
  logger.info({ grpcPort: grpc.port, httpPort: http.port }, 'provider-registry started');

  shutdown
    .step('readiness NOT_SERVING', () => {
      accepting = false;
      grpc.setServing(false);
    })
    .step('gRPC drain', () => grpc.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2))
    .step('expiry sweep', () => sweep.stop())
    .step('outbox relay', async () => {
      await relay.stop();
      await drainOutbox(relay, relayPool);
    })
    .step('Kafka producer', () => producer.disconnect())
    .step('HTTP', () => http.close())
    .step('database', async () => {
      await relayPool.end();
      await prisma.$disconnect();
    })
    .step('telemetry flush', () => telemetry.shutdown());
}

/**
 * The relay's stop() finishes only the batch in flight; rows committed by the last gRPC calls after its final poll
 * would wait for the next start. Once gRPC has drained nothing new is written, so publish what is left, in order.
 */
async function drainOutbox(relay: OutboxRelay, pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    while ((await relay.publishBatch(client)) > 0);
  } finally {
    client.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`provider-registry failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
