// "A freshly migrated database matches the schema" (the Prisma schema is the source of truth, migrations are
// committed SQL). Two fresh databases on the real server: one gets the committed migrations in order, the other
// gets the SQL Prisma derives from schema.prisma from nothing. Their catalogues (tables, columns, types,
// nullability, defaults, constraints, indexes) must be identical, so a schema change without a migration, or a
// hand edit of a migration, fails the test.
import { join } from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '../prisma/migrator';
import { schemaDiffSql } from '../prisma/schema-sql';
import { createTestDatabase } from './infrastructure';

const CATALOGUE_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, datetime_precision,
                   is_nullable, column_default
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_stap_migrations'
             ORDER BY table_name, column_name`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_stap_migrations'
                 ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> '_stap_migrations' ORDER BY 1, 2`,
  types: `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
           WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1`,
};

export type Catalogue = Record<keyof typeof CATALOGUE_QUERIES, unknown[]>;

export async function readCatalogue(databaseUrl: string): Promise<Catalogue> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const catalogue: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOGUE_QUERIES)) catalogue[name] = (await client.query(sql)).rows;
    return catalogue as Catalogue;
  } finally {
    await client.end();
  }
}

async function runSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The catalogues of (a) the app's committed migrations applied in order and (b) its schema.prisma from empty. */
export async function migratedAndDeclaredCatalogues(appDir: string): Promise<{ migrated: Catalogue; declared: Catalogue }> {
  const prefix = appDir.split('/').pop() ?? 'app';
  const migratedDb = await createTestDatabase(`${prefix}_migrated`);
  const declaredDb = await createTestDatabase(`${prefix}_declared`);
  try {
    await migrateDatabase(migratedDb.url, join(appDir, 'prisma/migrations'));
    await runSql(declaredDb.url, schemaDiffSql('empty', join(appDir, 'prisma/schema.prisma')));
    return { migrated: await readCatalogue(migratedDb.url), declared: await readCatalogue(declaredDb.url) };
  } finally {
    await migratedDb.drop();
    await declaredDb.drop();
  }
}
