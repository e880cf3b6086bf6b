// Validates a pain.001.001.03 document against the official XSD with libxml2 (xmllint-wasm). The XSD is not in
// this repository (no licence to redistribute it): CI clones the repository with `shared/` beside it, so it is read
// from ../shared/data relative to the repository root.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const PAIN_001_XSD = path.resolve(REPO_ROOT, '../shared/data/iso20022/pain.001.001.03.xsd');

export async function validatePain001(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'batch.xml', contents: xml }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: readFileSync(PAIN_001_XSD, 'utf8') }],
    maxMemoryPages: 65_536,
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}
