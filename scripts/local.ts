// Try the Action locally: start the GitHub emulator, open a pull request
// from a scenario of fixtures/scenarios (base/ → head/), run the committed
// dist/index.js against it exactly as a runner would, and print what it
// posted: the review, its inline comments, the check run and the job summary.
//
//   npm run local                       # the modified-with-old-violation scenario
//   npm run local -- namespaces         # another scenario
//   npm run local -- namespaces level=restricted max-comments=5
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../test/helpers/github-emulator/index.js';
import { fixturesDir } from '../test/helpers/paths.js';
import { runAction } from '../test/helpers/runAction.js';

const [name = 'modified-with-old-violation', ...settings] = process.argv.slice(2);
const scenario = path.join(fixturesDir, 'scenarios', name);
if (!existsSync(path.join(scenario, 'head'))) {
  process.stderr.write(`no scenario ${name} in ${path.relative(process.cwd(), path.join(fixturesDir, 'scenarios'))}\n`);
  process.exit(2);
}
const inputs = Object.fromEntries(settings.map((s) => s.split('=', 2) as [string, string]));

const emulator = await startEmulator();
try {
  const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: path.join(scenario, 'base'), headDir: path.join(scenario, 'head') });
  const run = await runAction(emulator, pr, { inputs });
  const out: string[] = [`Pull request acme/shop#1 from fixtures/scenarios/${name} (head ${pr.headSha.slice(0, 12)}), inputs ${JSON.stringify(inputs)}`, ''];
  for (const review of emulator.state.reviews) {
    out.push(`== Review (${review.state}) ==`, review.body, '');
    for (const c of review.comments) out.push(`-- ${c.path}:${c.startLine === null ? '' : `${c.startLine}-`}${c.line} --`, c.body, '');
  }
  if (emulator.state.reviews.length === 0) out.push('== No review posted ==', '');
  for (const check of emulator.state.checkRuns) {
    out.push(`== Check run "${check.name}": ${check.conclusion} — ${check.output.title} ==`);
    for (const a of check.annotations) out.push(`  ${a.annotation_level} ${a.path}:${a.start_line} ${a.title ?? ''}: ${a.message}`);
    out.push('');
  }
  out.push('== Job summary ==', run.summary, `== Outputs ==`, JSON.stringify(run.outputs, null, 2), '', `Exit status: ${run.status}`);
  if (run.stderr !== '') out.push('', '== stderr ==', run.stderr);
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await emulator.close();
}
