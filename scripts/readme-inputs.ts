// Regenerate the README's generated parts: the tables of Action inputs and
// outputs from action.yml (between the <!-- inputs --> and <!-- outputs -->
// markers), the table of contents (between <!-- toc --> markers) and the
// check reference (between <!-- checks --> markers, src/report/checkDocs.ts).
// test/integration/readme.test.ts and test/unit/report/checkDocs.test.ts fail
// when they differ.
//
//   npx tsx scripts/readme-inputs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { withCheckReference } from '../src/report/checkDocs.js';
import { regenerateReadme } from '../test/helpers/actionDocs.js';

const readme = readFileSync('README.md', 'utf8');
const updated = regenerateReadme(withCheckReference(readme), readFileSync('action.yml', 'utf8'));
if (updated !== readme) writeFileSync('README.md', updated);
process.stdout.write(updated === readme ? 'README.md is up to date\n' : 'README.md updated\n');
