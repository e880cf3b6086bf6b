// payment: purchase orders, invoices, settlement, recovery, the double-entry ledger, SEPA batches and budget
// reports. Start order follows DESIGN.md §4: telemetry before anything else is loaded, validated configuration,
// infrastructure, consumers, servers; shutdown in the reverse direction.
import { telemetry } from '@stap/platform/telemetry/register';
import { Pool } from 'pg';
import { createLogger } from '@stap/platform/logging';
import { bearerTokenAuthenticator, parseTokenTable, startGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer } from '@stap/platform/http';
import { createKafka, createReliableProducer, ensureTopics, OutboxRelay } from '@stap/platform/kafka';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { loadPaymentConfig } from './config';
import { seedDemoData } from './demo/seed';
import { providerRegistryDirectory } from './infrastructure/bank/bank-account-directory';
import { PAYMENT_BATCH_TOPIC, PURCHASE_ORDER_TOPIC } from './infrastructure/messaging/payment-events';
import { createPrismaClient } from './infrastructure/prisma/client';
import { paymentSourcesConsumer, prefixedSourceTopics } from './transport/events/grant-and-payee.consumers';
import { paymentService } from './transport/grpc/payment.grpc';
import { reportRoutes } from './transport/http/reports.http';

const SERVICE = 'payment';

async function main(): Promise<void> {
  const config = loadPaymentConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();

  const prisma = createPrismaClient(config.DATABASE_URL);
  if (config.SEED_DEMO_DATA) await seedDemoData(prisma, logger);
  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  const consumer = paymentSourcesConsumer(kafka, prisma, logger, {
    groupSuffix: config.CONSUMER_GROUP_SUFFIX,
    topics: prefixedSourceTopics(config.SOURCE_TOPIC_PREFIX),
  });
  await ensureTopics(kafka, [PURCHASE_ORDER_TOPIC, PAYMENT_BATCH_TOPIC, ...consumer.topics]);

  const relayPool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool: relayPool, producer, logger: logger.child({ component: 'outbox-relay' }) });
  relay.start();
  await consumer.runner.start();

  const tokens = parseTokenTable(config.DEV_TOKENS);
  const directory = providerRegistryDirectory(config.PROVIDER_REGISTRY_ADDRESS, config.PROVIDER_REGISTRY_TOKEN);
  const kit = { logger, authenticate: bearerTokenAuthenticator(tokens) };
  const debtor = { name: config.PAYER_NAME, iban: config.PAYER_IBAN, bic: config.PAYER_BIC };
  const grpc = await startGrpcServer({ services: [paymentService(kit, { prisma, directory, debtor })] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const http = await startHttpServer(
    createHttpApp({
      serviceName: SERVICE,
      logger,
      readinessChecks: [
        { name: 'accepting', check: async () => void (accepting || Promise.reject(new Error('shutting down'))) },
        { name: 'database', check: async () => void (await prisma.$queryRaw`SELECT 1`) },
      ],
      routes: reportRoutes(prisma, tokens),
    }),
    config.HTTP_PORT,
    '0.0.0.0',
  );
  logger.info({ grpcPort: grpc.port, httpPort: http.port }, 'payment started');

  shutdown
    .step('readiness NOT_SERVING', () => {
      accepting = false;
      grpc.setServing(false);
    })
    .step('Kafka consumer', () => consumer.runner.stop())
    .step('gRPC drain', () => grpc.shutdown(config.SHUTDOWN_TIMEOUT_MS / 2))
    .step('outbox relay', () => relay.stop())
    .step('Kafka producer', () => producer.disconnect())
    .step('HTTP', () => http.close())
    .step('database', async () => {
      directory.close();
      await relayPool.end();
      await prisma.$disconnect();
    })
    .step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`payment failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
