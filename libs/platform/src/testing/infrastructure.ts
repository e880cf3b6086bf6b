// Addresses of the real infrastructure started by tools/infra/up (jest's globalSetup exports them). Integration
// tests talk to these over real connections; nothing here fakes a broker or a database.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`tools/stap test\` (it starts Kafka and PostgreSQL)`);
  return value;
}

export function kafkaBrokers(): string[] {
  return required('KAFKA_BROKERS').split(',');
}

/** The server's maintenance database URL (for CREATE/DROP DATABASE). */
export function postgresUrl(): string {
  return required('POSTGRES_URL');
}

/** The same server, another database. */
export function databaseUrlFor(database: string): string {
  const url = new URL(postgresUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<R>(fn: (client: Client) => Promise<R>): Promise<R> {
  const client = new Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database with a unique name, so test files never share state and can run in parallel. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `test_${prefix.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrlFor(name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
