// Writes feed/edu-dex-feed.schema.json from the runtime schema (src/domain/feed-format.ts).
// Run: tsx apps/scholingsregister/feed/write-schema.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { feedJsonSchema } from '../src/domain/feed-format';

writeFileSync(path.join(__dirname, 'edu-dex-feed.schema.json'), `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
