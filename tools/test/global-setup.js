// jest globalSetup: make sure the real Kafka broker and PostgreSQL server are up (tools/infra/up is idempotent and
// locked, so a second run reuses them), then expose their addresses to every test through process.env.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

module.exports = async function globalSetup() {
  execFileSync('bash', [path.join(root, 'tools/infra/up')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const line of fs.readFileSync(path.join(root, '.infra/env'), 'utf8').split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match) process.env[match[1]] = match[2];
  }
};
