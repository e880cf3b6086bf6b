// Assembles the portal: database, decision pipeline, outbox relay, register-event consumer, the external registers
// (or their local stand-in), the scheduler, and the gRPC and HTTP servers. main.ts runs it as the service; tests run
// the same assembly against the real database and broker.
import express from 'express';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { parseTokenTable, startGrpcServer, type RunningGrpcServer } from '@stap/platform/grpc';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@stap/platform/http';
import { createKafka, createReliableProducer, ensureTopics, OutboxRelay } from '@stap/platform/kafka';
import type { PortalContext } from './application/context';
import { runSchedule } from './application/tijdvakken';
import type { StapPortalConfig } from './config';
import { seedDemoData } from './demo/seed';
import { DecisionPipeline } from './infrastructure/decisions/decision-pipeline';
import { externalRegistersClient } from './infrastructure/external/registers-client';
import { standInRegisterServices } from './infrastructure/external/stand-in-server';
import { loadTestPersons } from './infrastructure/external/test-persons';
import { PORTAL_TOPICS } from './infrastructure/messaging/portal-events';
import { createPrismaClient } from './infrastructure/prisma/client';
import { portalAuthenticator } from './infrastructure/security/authenticator';
import { registerEventsConsumer } from './transport/events/register-events.consumer';
import { portalService } from './transport/grpc/portal.grpc';
import { providerApi } from './transport/http/provider-api';
import { mountWebPages } from './transport/http/web';

export const SERVICE = 'stap-portal';

export type PortalConfig = Omit<StapPortalConfig, 'SERVICE_NAME' | 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'LOG_LEVEL' | 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'PUBLIC_BASE_URL'> &
  Partial<Pick<StapPortalConfig, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'PUBLIC_BASE_URL'>>;

export interface RunningPortal {
  context: PortalContext;
  grpc: RunningGrpcServer;
  http: RunningHttpServer;
  stop(): Promise<void>;
}

async function startExternalRegisters(config: PortalConfig, logger: Logger): Promise<{ address: string; server?: RunningGrpcServer }> {
  if (config.EXTERNAL_REGISTERS_ADDRESS) return { address: config.EXTERNAL_REGISTERS_ADDRESS };
  // LOCAL STAND-IN: the integration point for the real BRP, insurance and student-finance registers.
  const quiet = logger.child({ component: 'external-stand-in' }, { level: 'warn' });
  const kit = { logger: quiet, authenticate: async () => ({ subject: SERVICE, kind: 'service' as const, scopes: [] }) };
  const server = await startGrpcServer({ services: standInRegisterServices(kit, loadTestPersons(config.EXTERNAL_FIXTURE)) }, 0, '127.0.0.1');
  server.setServing(true);
  return { address: `127.0.0.1:${server.port}`, server };
}

export async function startPortal(config: PortalConfig, logger: Logger, now: () => Date = () => new Date()): Promise<RunningPortal> {
  const prisma = createPrismaClient(config.DATABASE_URL);
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 4 });
  const relayPool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  // An idle connection closed by the server (restart, failover) is replaced on next use; it must not crash the process.
  for (const each of [pool, relayPool]) each.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const kafka = createKafka(SERVICE, config.KAFKA_BROKERS, logger);
  const consumer = registerEventsConsumer(kafka, prisma, logger, config.CONSUMER_GROUP_SUFFIX);
  await ensureTopics(kafka, [...PORTAL_TOPICS, ...consumer.topics]);
  const producer = createReliableProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool: relayPool, producer, logger: logger.child({ component: 'outbox-relay' }), batchSize: 1_000 });
  relay.start();

  const external = await startExternalRegisters(config, logger);
  const registers = externalRegistersClient(external.address);
  const decisions = new DecisionPipeline(pool, logger.child({ component: 'decisions' }), config.DECISION_BATCH_MAX, now);
  const context: PortalContext = {
    prisma, pool, logger, registers, decisions, now,
    secret: config.PORTAL_SECRET,
    admissionRatePerSecond: config.QUEUE_ADMISSION_RATE_PER_SECOND,
    admissionValidityMs: config.ADMISSION_VALIDITY_MS,
  };
  if (config.SEED_DEMO_DATA) await seedDemoData(context);
  await consumer.runner.start();

  const devTokens = parseTokenTable(config.DEV_TOKENS);
  const kit = { logger, authenticate: portalAuthenticator(devTokens, config.PORTAL_SECRET) };
  const grpc = await startGrpcServer({ services: [portalService(kit, context)] }, config.GRPC_PORT, '0.0.0.0');
  let accepting = true;
  const web = express.Router();
  const app = createHttpApp({
    serviceName: SERVICE,
    logger,
    bodyLimit: '1mb',
    routes: (router) => {
      providerApi(router, context, devTokens);
      router.use(web);
    },
    readinessChecks: [
      { name: 'accepting', check: async () => void (accepting || Promise.reject(new Error('shutting down'))) },
      { name: 'database', check: async () => void (await prisma.$queryRaw`SELECT 1`) },
    ],
  });
  const http = await startHttpServer(app, config.HTTP_PORT, '0.0.0.0');
  mountWebPages(web, context, {
    baseUrl: config.PUBLIC_BASE_URL || `http://127.0.0.1:${http.port}`,
    issuer: config.OIDC_ISSUER ?? 'http://127.0.0.1:8090',
    clientId: config.OIDC_CLIENT_ID ?? 'stap-portal',
    clientSecret: config.OIDC_CLIENT_SECRET ?? 'stap-portal-development-secret',
  });

  const schedule = setInterval(() => {
    runSchedule(context).catch((error: unknown) => logger.warn({ err: error }, 'scheduler tick failed'));
  }, config.SCHEDULER_INTERVAL_MS);
  await runSchedule(context);

  return {
    context,
    grpc,
    http,
    async stop() {
      accepting = false;
      clearInterval(schedule);
      grpc.setServing(false);
      await grpc.shutdown(5_000);
      await decisions.idle();
      await consumer.runner.stop();
      await relay.stop();
      await producer.disconnect();
      await http.close();
      registers.close();
      await external.server?.shutdown(1_000);
      await pool.end();
      await relayPool.end();
      await prisma.$disconnect();
    },
  };
}
