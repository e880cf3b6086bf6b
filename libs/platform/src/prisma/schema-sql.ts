// Turns a Prisma schema into PostgreSQL DDL, offline. Prisma 7's CLI needs a native schema engine downloaded from
// the internet (unreachable here); Prisma 6.19 (installed as the npm alias `prisma-wasm-engine`) bundles a WebAssembly
// schema engine that `migrate diff` uses when its config selects the JS engine. Prisma 6 still insists on a `url` in
// the datasource block, which Prisma 7 forbids, so the schema is copied to a temporary folder with one added.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const PRISMA6_CLI = join(ROOT, 'node_modules/prisma-wasm-engine/build/index.js');
const ADAPTER_PG = join(ROOT, 'node_modules/@prisma/adapter-pg');
const NODE = join(ROOT, 'node_modules/.bin/node');

// engine 'js' selects the bundled WebAssembly schema engine. It opens a connection through the adapter even for a
// diff between two schema files (it reads nothing from it), so it needs a reachable server: POSTGRES_URL.
const CONFIG = `
const { PrismaPg } = require(${JSON.stringify(ADAPTER_PG)});
export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: 'to.prisma',
  adapter: async () => new PrismaPg({ connectionString: process.env.POSTGRES_URL }),
};
`;

function withDatasourceUrl(schema: string): string {
  return schema.replace(/(datasource\s+\w+\s*\{)/, '$1\n  url = env("PRISMA6_UNUSED_URL")');
}

/** The SQL that takes a database from `from` (a schema file, or nothing) to `to`; '' when they are equal. */
export function schemaDiffSql(from: string | 'empty', to: string): string {
  const work = mkdtempSync(join(tmpdir(), 'stap-prisma-'));
  try {
    writeFileSync(join(work, 'prisma.config.ts'), CONFIG);
    writeFileSync(join(work, 'to.prisma'), withDatasourceUrl(readFileSync(to, 'utf8')));
    const fromArgs = from === 'empty' ? ['--from-empty'] : ['--from-schema-datamodel', 'from.prisma'];
    if (from !== 'empty') writeFileSync(join(work, 'from.prisma'), withDatasourceUrl(readFileSync(from, 'utf8')));
    const output = execFileSync(NODE, [PRISMA6_CLI, 'migrate', 'diff', ...fromArgs, '--to-schema-datamodel', 'to.prisma', '--script'], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        POSTGRES_URL: process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
        PRISMA6_UNUSED_URL: 'postgresql://unused@127.0.0.1:1/unused',
        // Point the CLI at files that exist so it does not try to download native engines it will not use.
        PRISMA_QUERY_ENGINE_LIBRARY: PRISMA6_CLI,
        PRISMA_SCHEMA_ENGINE_BINARY: PRISMA6_CLI,
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    const sql = output.replace(/^Loaded Prisma config.*\n/m, '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
