// Turn a scenario of fixtures/scenarios into a real git repository, to try
// `diff` by hand: the base tree is committed on `main`, the head tree on
// `feature` (checked out). Prints the repository's path.
//
//   npx tsx scripts/scenario-repo.ts modified-with-old-violation
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../test/helpers/paths.js';
import { makeScenarioRepo } from '../test/helpers/gitRepo.js';

const name = process.argv[2];
const scenarios = path.join(fixturesDir, 'scenarios');
if (name === undefined || !existsSync(path.join(scenarios, name))) {
  process.stderr.write(`usage: tsx scripts/scenario-repo.ts SCENARIO (a folder of ${path.relative(process.cwd(), scenarios)})\n`);
  process.exit(2);
}
process.stdout.write(`${makeScenarioRepo(name)}\n`);
