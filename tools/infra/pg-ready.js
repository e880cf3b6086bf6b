// Readiness probe for PostgreSQL: succeeds when `SELECT 1` works on the given URL.
// Usage: node pg-ready.js <postgres-url> <timeout-seconds>
const { Client } = require('pg');

const RETRY_PAUSE_MS = 300;

async function selectOneWorks(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const [url, timeoutSeconds = '30'] = process.argv.slice(2);
  if (!url) throw new Error('usage: pg-ready.js <postgres-url> <timeout-seconds>');
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  for (;;) {
    if (await selectOneWorks(url)) return;
    if (Date.now() >= deadline) process.exit(1);
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(2);
});
