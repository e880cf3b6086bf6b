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
import { createPrismaClient } from './infrastructure/prisma/client';
import { PROVIDER_TOPIC } from './infrastructure/messaging/provider-events';
import { providerRegistryService } from './transport/grpc/provider-registry.grpc';

const SERVICE = 'provider-registry';

async function main(): Promise<void> {
  const config = loadProviderRegistryConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL);
  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  await ensureTopics(kafka, [PROVIDER_TOPIC]);

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

  const kit = { logger, authenticate: bearerTokenAuthenticator(parseTokenTable(config.DEV_TOKENS)) };
  const grpc = await startGrpcServer({ services: [providerRegistryService(kit, prisma)] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const http = await startHttpServer(
    createHttpApp({
      serviceName: SERVICE,
      logger,
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
    .step('outbox relay', () => relay.stop())
    .step('Kafka producer', () => producer.disconnect())
    .step('HTTP', () => http.close())
    .step('database', async () => {
      await relayPool.end();
      await prisma.$disconnect();
    })
    .step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`provider-registry failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
