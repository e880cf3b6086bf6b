// The committed migrations, applied to a fresh database on the real PostgreSQL, give exactly the tables that
// prisma/schema.prisma declares. Fails when the schema changed without `tools/prisma/new-migration.sh`.
import path from 'node:path';
import { migratedAndDeclaredCatalogues } from '@stap/platform/testing/schema-drift';

const APP_DIR = path.resolve(__dirname, '../../..');

test('a freshly migrated database matches schema.prisma', async () => {
  const { migrated, declared } = await migratedAndDeclaredCatalogues(APP_DIR);
  expect(declared.columns.length).toBeGreaterThan(0);
  expect(migrated).toEqual(declared);
}, 60_000);
