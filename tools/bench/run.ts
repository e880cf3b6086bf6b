// `tools/stap bench [filter]`: runs every benchmark of the platform, one after another so they do not compete for the
// machine's two cores, and lets each print its own figures. A benchmark is a file `apps/<app>/bench/*.bench.ts` or
// `libs/<lib>/bench/*.bench.ts` that runs against the real infrastructure started by `tools/stap` (KAFKA_BROKERS,
// POSTGRES_URL in the environment) and exits 0 when it ran, whatever its figures: targets are reported, not asserted.
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function benchmarks(filter: string | undefined): string[] {
  const files = globSync(['apps/*/bench/*.bench.ts', 'libs/*/bench/*.bench.ts'], { cwd: root }).sort();
  return filter ? files.filter((file) => file.includes(filter)) : files;
}

function main(): void {
  const files = benchmarks(process.argv[2]);
  if (files.length === 0) {
    process.stderr.write(`no benchmark matches ${process.argv[2] ?? '(any)'}\n`);
    process.exit(2);
  }
  const failed: string[] = [];
  for (const file of files) {
    process.stdout.write(`\n=== ${file}\n`);
    const run = spawnSync(path.join(root, 'node_modules/.bin/node'), ['--import', 'tsx', file], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.base.json' },
    });
    if (run.status !== 0) failed.push(file);
  }
  if (failed.length > 0) {
    process.stderr.write(`\nbenchmarks that did not complete: ${failed.join(', ')}\n`);
    process.exit(1);
  }
}

main();
