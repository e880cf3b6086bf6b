// tools/prisma/migrate.sh <app>: see migrate.sh.
import path from 'node:path';
import { ensureDatabase, migrateDatabase } from '../../libs/platform/src/prisma/migrator';
import { localDatabaseUrl } from '../run/services';

async function main(): Promise<void> {
  const app = process.argv[2];
  if (!app) throw new Error('usage: tools/prisma/migrate.sh <app>');
  const databaseUrl = process.env.DATABASE_URL ?? localDatabaseUrl(app);
  await ensureDatabase(databaseUrl);
  const result = await migrateDatabase(databaseUrl, path.resolve(__dirname, '../../apps', app, 'prisma/migrations'));
  const database = new URL(databaseUrl).pathname.slice(1);
  process.stderr.write(`[prisma] ${app} (${database}): ${result.applied.length} applied, ${result.alreadyApplied.length} already applied\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[prisma] migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
