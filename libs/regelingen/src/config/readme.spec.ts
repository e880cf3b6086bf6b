import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterRows, renderParameterTable, withParameterTable } from './parameter-table';

const LIBRARY_ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(LIBRARY_ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('carries the parameter table generated from the current data (run `npx nx run regelingen:docs`)', () => {
    expect(withParameterTable(README)).toBe(README);
  });

  it('has a row with value and source for every parameter, euros formatted from cents', () => {
    const table = renderParameterTable();
    expect(parameterRows().every((row) => row.source.length > 0)).toBe(true);
    expect(table).toContain('| STAP | STAP/2022.1 (2022-01-01 – 2023-01-31) | maxAmountPerApplicationCents | €1,000.00 |');
    expect(table).toContain('| NLLD_ONTWIKKELADVIES | NLLD_ONTWIKKELADVIES-2020-12 | claimDeadline | 2021-09-30T17:00 |');
    expect(table).toContain('| AOW-leeftijd | born 1956-06-01 – 1957-02-28 | aowAge | 66y10m |');
  });

  it('names only exported functions in its rule table', async () => {
    const references = [...README.matchAll(/`(src\/[\w/.-]+\.ts):(\w+)`/g)].map((match) => ({ file: match[1] as string, name: match[2] as string }));
    expect(references.length).toBeGreaterThan(25);
    for (const { file, name } of references) {
      const exported: Record<string, unknown> = await import(join(LIBRARY_ROOT, file));
      expect([file, name, name in exported]).toEqual([file, name, true]);
    }
  });
});
