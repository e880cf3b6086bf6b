// stap-portal: tijdvakken, the waiting room, applications and decisions that never overspend, and the web pages
// people use. Start order follows DESIGN.md §4: telemetry first, validated configuration, the portal; shutdown in
// the reverse direction.
import { telemetry } from '@stap/platform/telemetry/register';
import { createLogger } from '@stap/platform/logging';
import { GracefulShutdown } from '@stap/platform/lifecycle';
import { DEVELOPMENT_SECRET, loadStapPortalConfig } from './config';
import { SERVICE, startPortal } from './portal';

async function main(): Promise<void> {
  const config = loadStapPortalConfig();
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = new GracefulShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  shutdown.listen();
  if (config.PORTAL_SECRET === DEVELOPMENT_SECRET) logger.warn('PORTAL_SECRET is the development default: set a secret of your own outside development');
  const portal = await startPortal(config, logger);
  portal.grpc.setServing(true);
  logger.info({ grpcPort: portal.grpc.port, httpPort: portal.http.port }, 'stap-portal started');
  shutdown.step('portal', () => portal.stop()).step('telemetry flush', () => telemetry.shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`stap-portal failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
