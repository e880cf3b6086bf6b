// scholingsregister: trainings and start moments. This first slice consumes provider-registry's events into a
// provider projection; the register's own gRPC API arrives with issue #5 (until then only health and reflection).
import { telemetry } from '@stap/platform/telemetry/register';
import { createLogger } from '@stap/platform/logging';
import { startGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer } from '@stap/platform/http';
import { createKafka, ensureTopics } from '@stap/platform/kafka';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { loadScholingsregisterConfig } from './config';
import { createPrismaClient } from './infrastructure/prisma/client';
import { providerEventsConsumer } from './transport/events/provider-events.consumer';

const SERVICE = 'scholingsregister';

async function main(): Promise<void> {
  const config = loadScholingsregisterConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL);
  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  const consumer = providerEventsConsumer(kafka, prisma, logger, config.CONSUMER_GROUP_SUFFIX);
  await ensureTopics(kafka, consumer.topics);
  await consumer.runner.start();

  const grpc = await startGrpcServer({ services: [] }, config.GRPC_PORT, '0.0.0.0');
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
  logger.info({ grpcPort: grpc.port, httpPort: http.port }, 'scholingsregister started');

  shutdown
    .step('readiness NOT_SERVING', () => {
      accepting = false;
      grpc.setServing(false);
    })
    .step('Kafka consumer', () => consumer.runner.stop())
    .step('gRPC drain', () => grpc.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2))
    .step('HTTP', () => http.close())
    .step('database', () => prisma.$disconnect())
    .step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`scholingsregister failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
