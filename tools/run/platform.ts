// Starts every service of the platform as its own process on the local infrastructure (`tools/stap up`), prefixes
// their log lines with the service name, and stops them all on Ctrl-C or when one of them dies.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { LOCAL_DEV_TOKENS, LOCAL_SERVICES, localDatabaseUrl, type LocalService } from './services';

const root = path.resolve(__dirname, '../..');

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run through tools/stap up, which starts the infrastructure`);
  return value;
}

function start(service: LocalService, entry: string): ChildProcess {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', path.join('apps', service.app, entry)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tsconfig.base.json',
      SERVICE_NAME: service.app,
      GRPC_PORT: String(service.grpcPort),
      HTTP_PORT: String(service.httpPort),
      DATABASE_URL: localDatabaseUrl(service.app),
      KAFKA_BROKERS: requireEnv('KAFKA_BROKERS'),
      DEV_TOKENS: process.env.DEV_TOKENS ?? LOCAL_DEV_TOKENS,
      // `tools/stap up` is a demonstration: services load their demo data into an empty database unless told not to.
      SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
    },
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${service.app.padEnd(20)}| ${line}\n`));
  }
  return child;
}

function main(): void {
  const children = LOCAL_SERVICES.flatMap((service) => service.entries.map((entry) => ({ service, child: start(service, entry) })));
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const { child } of children) child.kill('SIGTERM');
    Promise.all(children.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))))).then(() =>
      process.exit(code),
    );
  };
  for (const { service, child } of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`${service.app} exited with code ${code}; stopping the platform\n`);
        stopAll(1);
      }
    });
  }
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  for (const service of LOCAL_SERVICES) {
    process.stdout.write(`${service.app}: gRPC 127.0.0.1:${service.grpcPort}, HTTP http://127.0.0.1:${service.httpPort}\n`);
  }
}

main();
