/**
 * The CLI's error messages, snapshot-tested: one line that says what is
 * wrong and how to fix it ("did you mean"), then where the options are.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { colourReport } from '../../../src/cli/colour.js';
import { closest, suggestVersion } from '../../../src/cli/suggest.js';
import { version } from '../../../src/version.js';
import { notComputedLines } from '../../../src/report/notComputed.js';
import { fixEngineFailed, notComputed } from '../../../src/fixes/notes.js';
import { verificationsSpent } from '../../../src/render/verify.js';
import { gitIn, makeRepo } from '../../helpers/gitRepo.js';
import { repoRoot } from '../../helpers/paths.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function cli(args: string[], cwd = repoRoot, io: { tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { status, stdout, stderr };
}

const pod = 'fixtures/pss-conformance/baseline/v1.37/pass/sysctls1.yaml';

describe('usage errors', () => {
  it.each([
    ['a level typo', ['check', '--level', 'restriced', pod]],
    ['a version without v', ['check', '--policy-version', '1.30', pod]],
    ['a version under the old flag', ['check', '--version', 'V1.30', pod]],
    ['both version flags', ['check', '--version', 'v1.30', '--policy-version', 'v1.30', pod]],
    ['a flag typo', ['check', '--levle', 'baseline', pod]],
    ['another flag typo', ['fix', '--dryrun', pod]],
    ['a flag without its value', ['check', pod, '--level']],
    ['--strict with a bad value', ['check', '--strict=yes', pod]],
    ['a command typo', ['chekc', pod]],
    ['no PATH', ['check']],
    ['a missing file', ['check', 'no/such/file.yaml']],
    ['diff without --base', ['diff']],
    // The options are read before any file: a bad --jobs is the one message, not a missing file.
    ['--jobs 0 before any file is read', ['check', '--jobs', '0', 'no/such/file.yaml']],
  ])('%s', async (_name, args) => {
    const { status, stdout, stderr } = await cli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatchSnapshot();
  });

  it('suggests close spellings only', () => {
    expect(closest('restricted', ['privileged', 'baseline', 'restricted'])).toBe('restricted');
    expect(closest('strict', ['privileged', 'baseline', 'restricted'])).toBeNull();
    expect(suggestVersion('1.30')).toBe(' (did you mean v1.30?)');
    expect(suggestVersion('lastest')).toBe(' (did you mean latest?)');
  });
});

describe('flags', () => {
  it('prints the tool version for --version, also after a command', async () => {
    for (const args of [['--version'], ['check', '--version'], ['check', pod, '--version'], ['fix', '--version', '--dry-run', pod]]) {
      expect(await cli(args)).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('keeps --version V as the policy version, and takes --policy-version', async () => {
    const v137 = await cli(['check', '--level', 'baseline', '--policy-version', 'v1.37', pod]);
    const v10 = await cli(['check', '--level', 'baseline', '--version', 'v1.0', pod]);
    expect([v137.status, v10.status]).toEqual([0, 1]);
  });

  it('takes --strict=true and --strict=false', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-strict-'));
    temporary.push(dir);
    writeFileSync(
      path.join(dir, 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    pod-security-review/ignore: "hostNamespaces: a node agent"\nspec:\n  hostNetwork: true\n  containers:\n  - name: c\n    image: i\n',
    );
    expect((await cli(['check', '--strict=true', 'pod.yaml'], dir)).status).toBe(1);
    expect((await cli(['check', '--strict=false', 'pod.yaml'], dir)).status).toBe((await cli(['check', 'pod.yaml'], dir)).status);
  });
});

describe('empty input', () => {
  it('says so and exits 1, or 0 with --allow-empty', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-empty-'));
    temporary.push(dir);
    writeFileSync(path.join(dir, 'config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    const empty = await cli(['check', '.'], dir);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatchSnapshot();
    expect((await cli(['check', '--allow-empty', '.'], dir)).status).toBe(0);
    expect((await cli(['fix', '--allow-empty', '.'], dir)).status).toBe(0);
    const none = mkdtempSync(path.join(tmpdir(), 'psr-none-'));
    temporary.push(none);
    expect((await cli(['check', '.'], none)).stderr).toMatchSnapshot();
  });
});

describe('git errors', () => {
  it('name the ref and say how to fetch it', async () => {
    const scenario = path.join(repoRoot, 'fixtures/scenarios/new-workload');
    const repo = makeRepo(path.join(scenario, 'base'), path.join(scenario, 'head'));
    temporary.push(repo);
    const { status, stderr } = await cli(['diff', '--base', 'origin/main'], repo);
    expect(status).toBe(2);
    expect(stderr).toMatchSnapshot();
    gitIn(repo, 'checkout', '--quiet', 'main');
    expect((await cli(['diff', '--base', 'main', '--head', 'nope'], repo)).stderr).toMatchSnapshot();
    const outside = mkdtempSync(path.join(tmpdir(), 'psr-nogit-'));
    temporary.push(outside);
    expect((await cli(['diff', '--base', 'main'], outside)).stderr.replace(outside, '<dir>')).toMatchSnapshot();
  });
});

describe('colours', () => {
  it('only on a terminal, never with NO_COLOR', async () => {
    const args = ['check', '--level', 'restricted', 'fixtures/scenarios/new-workload/head'];
    expect((await cli(args, repoRoot, { tty: true, env: {} })).stdout).toContain('\u001b[');
    expect((await cli(args, repoRoot, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(args)).stdout).not.toContain('\u001b[');
    expect(colourReport('a.yaml:3: warning: x\nsummary\n')).toBe('\u001b[33ma.yaml:3: warning: x\u001b[39m\n\u001b[1msummary\u001b[22m\n');
    // Findings carry a column: errors red, warnings yellow, ignored findings dim.
    expect(colourReport('a.yaml:3:7: error: x\na.yaml:4:9: warning: y\na.yaml:5:9: ignored: z\nsummary\n')).toBe(
      '\u001b[31ma.yaml:3:7: error: x\u001b[39m\n\u001b[33ma.yaml:4:9: warning: y\u001b[39m\n\u001b[2ma.yaml:5:9: ignored: z\u001b[22m\n\u001b[1msummary\u001b[22m\n',
    );
  });
});

describe('fix --only and --skip', () => {
  const manifest = readFileSync(path.join(repoRoot, 'fixtures/scenarios/new-workload/head/deploy/api.yaml'), 'utf8');
  const setup = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'psr-only-'));
    temporary.push(dir);
    writeFileSync(path.join(dir, 'api.yaml'), manifest);
    return dir;
  };

  it('fixes only the named checks, and says which were left out', async () => {
    const dir = setup();
    const { stdout } = await cli(['fix', '--level', 'restricted', '--only', 'seccompProfile_restricted', 'api.yaml'], dir);
    const fixed = readFileSync(path.join(dir, 'api.yaml'), 'utf8');
    expect(fixed).toContain('type: RuntimeDefault');
    expect(fixed).not.toContain('runAsNonRoot');
    expect(fixed).not.toContain('hostNetwork: false');
    // One line per place and reason, naming each check left out there.
    expect(stdout).toContain('api.yaml:16: not fixed [hostNamespaces]: left out by --only/--skip\n');
    expect(stdout).toContain('api.yaml:18: not fixed [allowPrivilegeEscalation, capabilities_restricted, runAsNonRoot]: left out by --only/--skip\n');
  });

  it('fixes all but the skipped checks, with a one-line caution for edits that can stop the workload', async () => {
    const dir = setup();
    const { stdout } = await cli(['fix', '--level', 'restricted', '--skip', 'hostNamespaces', 'api.yaml'], dir);
    const fixed = readFileSync(path.join(dir, 'api.yaml'), 'utf8');
    expect(fixed).toContain('hostNetwork: true');
    expect(fixed).toContain('runAsNonRoot: true');
    expect(stdout).toContain('api.yaml: caution: the image must run as a non-root user, or the container will not start.');
  });

  it('says no caution for runAsNonRoot when every container already runs as a non-zero runAsUser (crossplane: 65532)', async () => {
    const dir = setup();
    writeFileSync(path.join(dir, 'api.yaml'), manifest.replace('      hostNetwork: true\n', '      hostNetwork: true\n      securityContext:\n        runAsUser: 65532\n'));
    const { stdout } = await cli(['fix', '--level', 'restricted', '--skip', 'hostNamespaces', 'api.yaml'], dir);
    expect(readFileSync(path.join(dir, 'api.yaml'), 'utf8')).toContain('runAsNonRoot: true');
    expect(stdout).toContain('fixed 4 findings in 1 file: api.yaml');
    expect(stdout).not.toContain('caution');
  });

  it('refuses an unknown check with the closest name', async () => {
    const { status, stderr } = await cli(['fix', '--only', 'runAsNonroot', '.'], setup());
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toMatchSnapshot();
  });
});

describe('fixes not computed', () => {
  it('are said once a run, counting findings and files, whichever budget ran out (a file fix budget, a rendering verifications)', () => {
    const findings = [
      { file: 'big.yaml', fixNote: notComputed(1_000_000) },
      { file: 'big.yaml', fixNote: notComputed(1_000_000) },
      { file: 'overlays/prod/patch.yaml', fixNote: verificationsSpent('overlays/prod', 24) },
      { file: 'ok.yaml', fixNote: null },
    ];
    expect(notComputedLines(findings)).toEqual([
      "the fixes of 3 findings in 2 files were not computed (a work budget ran out; every finding is reported, each fix's note says which); `pod-security-review fix` computes them",
    ]);
    expect(notComputedLines(findings.slice(3))).toEqual([]);
  });

  it('tell a fix engine failure (a bug to report) from a budget that ran out, each said once', () => {
    const findings = [
      { file: 'big.yaml', fixNote: notComputed(1_000_000) },
      { file: 'odd.yaml', fixNote: fixEngineFailed('Maximum call stack size exceeded') },
      { file: 'odd.yaml', fixNote: fixEngineFailed('Maximum call stack size exceeded') },
    ];
    expect(notComputedLines(findings)).toEqual([
      "the fixes of 1 finding in 1 file were not computed (a work budget ran out; every finding is reported, each fix's note says which); `pod-security-review fix` computes them",
      "internal error in the fix engine on 1 file (please report it; each fix's note has the error): its 2 findings are reported without fixes",
    ]);
    expect(notComputedLines(findings.slice(1, 2))).toEqual(["internal error in the fix engine on 1 file (please report it; each fix's note has the error): its 1 finding is reported without fixes"]);
  });
});
