/** Scoping rules on synthetic change sets (the git scenarios are in test/integration/diff.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseFilePatch } from '../../../src/diff/parse.js';
import type { ChangedFile, FileContent } from '../../../src/diff/types.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import { evaluateChangeSet } from '../../../src/scope/scope.js';

const options = { policy: policyContext('2026-01-01', { overrides: { level: 'baseline', warnLevel: 'privileged' } }) };

const content = (data: string): FileContent => ({ kind: 'content', data });
const absent: FileContent = { kind: 'absent' };

function modified(path: string, base: string, head: string, patch = '@@ -1,1 +1,1 @@\n-x\n+y'): ChangedFile {
  return { path, status: 'modified', base: content(base), head: content(head), hunks: parseFilePatch(patch) };
}

const pod = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const containers = (...entries: string[]) => `  containers:\n${entries.map((e) => `  - ${e}\n`).join('')}`;

describe('evaluateChangeSet', () => {
  it("leaves a file moved with its text as it was to the base: its problems are not the change's, an edited one's are", () => {
    // kubernetes/examples moved staging/ to _archived/: templates that do not load, moved as they were.
    const broken = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: config\ndata:\n  config: {{config_data}}\n';
    const moved = (head: string, hunks: string): ChangedFile => ({ ...modified('_archived/config.yaml', broken, head, hunks), status: 'renamed', previousPath: 'staging/config.yaml' });
    expect(evaluateChangeSet({ files: [moved(broken, '')] }, options).errors).toEqual([]);
    const edited = evaluateChangeSet({ files: [moved(broken.replace('name: config', 'name: settings'), '@@ -4,1 +4,1 @@\n-  name: config\n+  name: settings')] }, options).errors;
    // A `{{config_data}}` placeholder makes it a template to fill in: not checked, and said.
    expect(edited.map((e) => [e.file, e.line, e.kind])).toEqual([['_archived/config.yaml', 6, 'template']]);
    // Not read (too large, binary): a rename with no hunk is one as it was.
    const unread = (hunks: string): ChangedFile => ({ ...moved(broken, hunks), base: { kind: 'unavailable', reason: 'binary' }, head: { kind: 'unavailable', reason: 'binary' } });
    expect(evaluateChangeSet({ files: [unread('')] }, options).errors).toEqual([]);
    expect(evaluateChangeSet({ files: [unread('@@ -1,1 +1,1 @@\n-a\n+b')] }, options).errors.map((e) => e.kind)).toEqual(['unreadable']);
  });

  it('treats null and absent as the same value', () => {
    const report = evaluateChangeSet({ files: [modified('p.yaml', pod('p', '  hostPID: ~\n'), pod('p', '  hostIPC:\n'))] }, options);
    expect(report.podSpecs).toEqual([]);
    expect(report.unchangedPodSpecs).toBe(1);
  });

  it('tells repeated identities apart by order (unnamed pods)', () => {
    const base = `${pod('', '  hostPID: true\n')}---\n${pod('', '  hostIPC: false\n')}`;
    const head = `${pod('', '  hostPID: true\n')}---\n${pod('', '  hostIPC: true\n')}`;
    const report = evaluateChangeSet({ files: [modified('p.yaml', base, head)] }, options);
    expect(report.findings.map((f) => [f.detail, f.status])).toEqual([['hostIPC=true', 'modified']]);
  });

  it('counts a violation as new when it reaches a container it did not concern', () => {
    const base = pod('p', containers('name: a\n    securityContext: {privileged: true}', 'name: b'));
    const head = pod('p', containers('name: a\n    securityContext: {privileged: true}', 'name: b\n    securityContext: {privileged: true}'));
    const [finding] = evaluateChangeSet({ files: [modified('p.yaml', base, head)] }, options).findings;
    expect(finding).toMatchObject({ check: 'privileged', containers: ['a', 'b'], preexisting: false });
  });

  it('counts a hostPath volume the change adds beside an old one as a new violation, by its name', () => {
    const volumes = (...names: string[]) => `  volumes:\n${names.map((n) => `  - {name: ${n}, hostPath: {path: /${n}}}\n`).join('')}`;
    const base = pod('p', containers('name: a') + volumes('logs'));
    const added = evaluateChangeSet({ files: [modified('p.yaml', base, pod('p', containers('name: a') + volumes('logs', 'dev')))] }, options).findings;
    expect(added.map((f) => [f.check, f.detail, f.preexisting])).toEqual([['hostPathVolumes', 'volumes "logs", "dev"', false]]);
    // The same volumes, another field changed: the violation is the base's.
    const kept = evaluateChangeSet({ files: [modified('p.yaml', base, pod('p', containers('name: a\n    image: new') + volumes('logs')))] }, options).findings;
    expect(kept.map((f) => [f.check, f.preexisting])).toEqual([['hostPathVolumes', true]]);
  });

  it('counts a violation that now concerns fewer containers as preexisting', () => {
    const base = pod('p', containers('name: a\n    securityContext: {privileged: true}', 'name: b\n    securityContext: {privileged: true}'));
    const head = pod('p', containers('name: a\n    securityContext: {privileged: true}', 'name: b\n    image: new'));
    const [finding] = evaluateChangeSet({ files: [modified('p.yaml', base, head)] }, options).findings;
    expect(finding).toMatchObject({ check: 'privileged', containers: ['a'], preexisting: true });
  });

  it('pairs a rendered pod spec its source names anew with the base one of that source; a plain file\'s renamed pod stays new', () => {
    const base = `# Source: web/templates/a.yaml\n${pod('web-test-abcde', '  hostPID: true\n')}---\n# Source: web/templates/b.yaml\n${pod('web-b-fghij', '  hostIPC: true\n')}`;
    const head = `# Source: web/templates/a.yaml\n${pod('web-test-klmno', '  hostPID: true\n')}---\n# Source: web/templates/b.yaml\n${pod('web-b-pqrst', '  hostIPC: true\n  hostNetwork: true\n')}`;
    const sourceOf = (text: string) => (line: number) => {
      const starts = text.split('\n').flatMap((l, i) => (l.startsWith('# Source: ') ? [{ line: i + 1, source: l.slice(10) }] : []));
      return starts.filter((s) => s.line <= line).at(-1)?.source ?? null;
    };
    const rendering: ChangedFile = { ...modified('charts/web#rendering-1', base, head), hunks: null, rendered: true, documentSources: { base: sourceOf(base), head: sourceOf(head) } };
    const report = evaluateChangeSet({ files: [rendering] }, options);
    // a.yaml's pod spec is the same under its new name; b.yaml's gained hostNetwork, a check its hostIPC failed before.
    expect(report.unchangedPodSpecs).toBe(1);
    expect(report.findings.map((f) => [f.name, f.detail, f.status, f.preexisting])).toEqual([['web-b-pqrst', 'hostNetwork=true, hostIPC=true', 'modified', true]]);
    // Two pods of one template (a `range`), one renamed and one replaced: which is which is not known, so both are new.
    const two = (a: string, b: string) => `# Source: web/templates/a.yaml\n${pod(a, '  hostPID: true\n')}---\n${pod(b, '  hostPID: true\n')}`;
    const ranged: ChangedFile = { ...modified('charts/web#rendering-1', two('x', 'y'), two('x2', 'z')), hunks: null, rendered: true, documentSources: { base: sourceOf(two('x', 'y')), head: sourceOf(two('x2', 'z')) } };
    expect(evaluateChangeSet({ files: [ranged] }, options).findings.map((f) => [f.name, f.status])).toEqual([
      ['x2', 'new'],
      ['z', 'new'],
    ]);
    // Without sources (a file of the repository), another name is another pod.
    const plain = evaluateChangeSet({ files: [modified('p.yaml', base, head)] }, options);
    expect(plain.findings.map((f) => [f.name, f.status])).toEqual([
      ['web-test-klmno', 'new'],
      ['web-b-pqrst', 'new'],
    ]);
  });

  it('leaves out of the comparison what a rendering writes anew each time (the head rendered again differs there)', () => {
    const rolled = (stamp: string, extra = '') => pod('web', `  hostPID: true\n${extra}  containers:\n  - name: app\n    env:\n    - {name: BUILD, value: "${stamp}"}\n`).replace('metadata:\n', `metadata:\n  annotations: {rollme: "${stamp}"}\n`);
    const rendering = (head: string, again: string): ChangedFile => ({ ...modified('charts/web#rendering-1', rolled('aaaaa'), head), hunks: null, rendered: true, headAgain: again });
    // Only the rollme annotation and the BUILD stamp differ from base, and they differ between the two head renderings too.
    const untouched = evaluateChangeSet({ files: [rendering(rolled('bbbbb'), rolled('ccccc'))] }, options);
    expect(untouched.unchangedPodSpecs).toBe(1);
    expect(untouched.findings).toEqual([]);
    // A field the change made differs from base as well: the pod spec is modified.
    const edited = evaluateChangeSet({ files: [rendering(rolled('bbbbb', '  hostIPC: true\n'), rolled('ccccc', '  hostIPC: true\n'))] }, options);
    expect(edited.findings.map((f) => [f.name, f.detail, f.status, f.preexisting])).toEqual([['web', 'hostPID=true, hostIPC=true', 'modified', true]]);
    // Without the second rendering (a tool whose output never varies), every difference is the change's.
    const once: ChangedFile = { ...rendering(rolled('bbbbb'), rolled('ccccc')), headAgain: undefined };
    expect(evaluateChangeSet({ files: [once] }, options).findings.map((f) => [f.name, f.status])).toEqual([['web', 'modified']]);
  });

  it('gives an added file only new pod specs, and a removed file nothing', () => {
    const files: ChangedFile[] = [
      { path: 'new.yaml', status: 'added', base: absent, head: content(pod('added', '  hostPID: true\n')), hunks: parseFilePatch('@@ -0,0 +1,6 @@\n+a\n+b\n+c\n+d\n+e\n+f') },
      { path: 'old.yaml', status: 'removed', base: content(pod('removed', '  hostPID: true\n')), head: absent, hunks: [] },
    ];
    const report = evaluateChangeSet({ files }, options);
    expect(report.findings.map((f) => [f.file, f.status, f.locations.map((l) => l.inDiff)])).toEqual([['new.yaml', 'new', [true]]]);
  });

  it('reports unreadable head contents as errors', () => {
    const files: ChangedFile[] = [{ path: 'big.yaml', status: 'modified', base: absent, head: { kind: 'unavailable', reason: 'too big' }, hunks: null }];
    expect(evaluateChangeSet({ files }, options).errors).toEqual([{ file: 'big.yaml', line: null, kind: 'unreadable', message: 'too big' }]);
  });

  it('marks no line as in the diff when the patch is unavailable', () => {
    const files: ChangedFile[] = [{ path: 'p.yaml', status: 'added', base: absent, head: content(pod('p', '  hostPID: true\n')), hunks: null }];
    const [finding] = evaluateChangeSet({ files }, options).findings;
    expect(finding!.locations.map((l) => l.inDiff)).toEqual([false]);
  });
});
