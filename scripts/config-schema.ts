// Write schema/pod-security.schema.json, the config file's JSON Schema, from
// the parser's definitions (src/policy/schema.ts). test/unit/policy/schema.test.ts
// fails when the committed file differs.
//
//   npx tsx scripts/config-schema.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { policyConfigSchemaText } from '../src/policy/schema.js';

const file = 'schema/pod-security.schema.json';
const text = policyConfigSchemaText();
let current = '';
try {
  current = readFileSync(file, 'utf8');
} catch {
  // first run
}
mkdirSync('schema', { recursive: true });
if (current !== text) writeFileSync(file, text);
process.stdout.write(current === text ? `${file} is up to date\n` : `${file} written\n`);
