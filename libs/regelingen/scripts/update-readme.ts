// Regenerates the parameter table in libs/regelingen/README.md from the scheme data.
// Run: npx nx run regelingen:docs   (or: npx tsx libs/regelingen/scripts/update-readme.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withParameterTable } from '../src/config/parameter-table';

const readmePath = join(__dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = withParameterTable(before);
if (after !== before) writeFileSync(readmePath, after);
process.stdout.write(after === before ? 'README.md parameter table already current\n' : 'README.md parameter table updated\n');
