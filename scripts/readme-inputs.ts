// Regenerate the README's generated parts: the tables of Action inputs and
// outputs from action.yml (between the <!-- inputs --> and <!-- outputs -->
// markers) and the table of contents (between <!-- toc --> markers).
// test/integration/readme.test.ts fails when they differ.
//
//   npx tsx scripts/readme-inputs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { regenerateReadme } from '../test/helpers/actionDocs.js';

const readme = readFileSync('README.md', 'utf8');
const updated = regenerateReadme(readme, readFileSync('action.yml', 'utf8'));
if (updated !== readme) writeFileSync('README.md', updated);
process.stdout.write(updated === readme ? 'README.md is up to date\n' : 'README.md updated\n');
