import { readFileSync } from 'node:fs';
import path from 'node:path';
import { feedJsonSchema, feedProgrammeSchema } from './feed-format';

it('the published JSON Schema is the one the runtime check uses (regenerate with apps/scholingsregister/feed/write-schema.ts)', () => {
  const published = JSON.parse(readFileSync(path.resolve(__dirname, '../../feed/edu-dex-feed.schema.json'), 'utf8'));
  expect(published).toEqual(feedJsonSchema());
});

it('a programme missing its sector and with an unknown delivery mode is named field by field', () => {
  const result = feedProgrammeSchema.safeParse({ programmeCode: 'A', name: 'n', description: '', studyLoadHours: 1, nlqfLevel: 'NLQF_LEVEL_2', eqfLevel: 'EQF_LEVEL_2', language: 'nl', deliveryMode: 'FLYING', leadsToCertificate: false });
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sector', 'deliveryMode']);
});
