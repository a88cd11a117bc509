/**
 * Fixed documents read through the fragments their fixes rewrite
 * (src/fixes/fragments.ts). What the fragments say a fixed document decodes
 * to is what loading the whole fixed text gives: on the splices of every fix
 * the engine verifies (every fixture, the benchmark generator's files and
 * Lists), and on thousands of seeded splices that no fix would write. The
 * fix engine gives the very same fixes and notes with and without them, and
 * it takes them.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../bench/prng.js';
import { listOfPods } from '../../../bench/lists.js';
import { computeFixes } from '../../../src/fixes/fixFile.js';
import type { PodFailures } from '../../../src/fixes/fixFile.js';
import { applyEditsToJson, remove, set, valueAt } from '../../../src/fixes/edits.js';
import { FragmentMemory } from '../../../src/fixes/fragmentRegions.js';
import { fixedValueByFragments, listItemsByFragments, provedByFragments } from '../../../src/fixes/fragments.js';
import { lineWise } from '../../../src/fixes/fragmentSplices.js';
import type { Splice } from '../../../src/fixes/text.js';
import type { Edit } from '../../../src/fixes/types.js';
import type * as VerifyModule from '../../../src/fixes/verify.js';
import { verificationCounts } from '../../../src/fixes/verify.js';
import { evaluatePod } from '../../../src/pss/evaluate.js';
import type { Level } from '../../../src/pss/types.js';
import { extractPodSpecs } from '../../../src/workloads/extract.js';
import { agrees, documentsOf } from '../../helpers/fragmentAgreement.js';
import { fixtureTexts, generatedTexts } from '../../helpers/manifestTexts.js';

/** Every set of splices the fix engine asks its verifier about, with the text they apply to. */
const asked = vi.hoisted(() => ({ calls: [] as { text: string; splices: readonly Splice[] }[], recording: false }));

vi.mock('../../../src/fixes/verify.js', async (importOriginal) => {
  const real = await importOriginal<typeof VerifyModule>();
  const { wrapped } = await import('../../helpers/refusingVerifier.js');
  return {
    ...real,
    verifierOf: (...args: Parameters<typeof real.verifierOf>) => {
      const verify = real.verifierOf(...args);
      const text = args[1];
      return wrapped(verify, (splices, expectation) => {
        if (asked.recording) asked.calls.push({ text, splices });
        return verify(splices, expectation);
      });
    },
  };
});

function podFailures(text: string, level: Level): PodFailures[] {
  return documentsOf(text).flatMap((document) => extractPodSpecs(document).pods.map((source) => ({ source, failures: evaluatePod(source.pod, level, 'latest').failures })));
}

const fixtures = fixtureTexts();
const generated = generatedTexts({ seed: 7, files: 30, docsPerFile: 6, changedFiles: 8 });
const lists = [listOfPods(12, 'yaml'), listOfPods(12, 'json'), listOfPods(6, 'anchored')].map((text, i) => ({ name: `list ${i}`, text }));
const corpus = [...fixtures, ...generated, ...lists];

describe('a fixed document read through its fragments', () => {
  it('decodes as the whole fixed text does, for every fix the engine verifies', () => {
    let answered = 0;
    for (const { name, text } of corpus) {
      for (const level of ['baseline', 'restricted'] as const) {
        const pods = podFailures(text, level);
        if (pods.every((pod) => pod.failures.length === 0)) continue;
        asked.calls = [];
        asked.recording = true;
        try {
          computeFixes({ file: name, text, pods, level, version: 'latest', diff: null });
        } finally {
          asked.recording = false;
        }
        const documents = documentsOf(text);
        for (const call of asked.calls) for (const document of documents) if (agrees(call.text, document, call.splices, `${name} (${level})`)) answered++;
      }
    }
    // Most fixes are proven by their fragments: the comparison ran on them.
    expect(answered).toBeGreaterThan(500);
  });

  it('decodes as the whole fixed text does, or does not answer, for seeded splices no fix would write', () => {
    const rng = createRng(Number(process.env.FRAGMENT_SEED ?? 2026));
    const pool = [...fixtures.filter(({ name }) => !name.startsWith('pss-conformance')), ...generated.slice(0, 20), ...lists, ...edgeCases, ...aliasedLists];
    const jsonPool = pool.filter(({ text }) => text.startsWith('{'));
    const count = Number(process.env.FRAGMENT_SPLICES ?? 3000);
    let answered = 0;
    let answeredJson = 0;
    for (let n = 0; n < count; n++) {
      // A third of the texts are JSON, which few of the pool's texts are.
      const { name, text } = rng.chance(0.3) ? rng.pick(jsonPool) : rng.pick(pool);
      const documents = documentsOf(text);
      if (documents.length === 0) continue;
      const disjoint: Splice[] = [];
      for (const splice of Array.from({ length: rng.int(1, 3) }, () => seededSplice(text, rng)).sort((a, b) => a.start - b.start)) {
        if (disjoint.every((kept) => splice.start >= kept.end)) disjoint.push(splice);
      }
      for (const document of documents) {
        if (!agrees(text, document, disjoint, `${name} (seeded ${n})`)) continue;
        answered++;
        if (text.startsWith('{')) answeredJson++;
      }
    }
    // Many seeded splices are proven, not only refused, in YAML and in JSON: the comparison ran on them.
    expect(answered).toBeGreaterThan(count / 10);
    expect(answeredJson).toBeGreaterThan(count / 60);
  });

  it('refuses what it cannot prove: a mapping left empty, a key written twice, keep chomping, a template, a line less indented after the fragment', () => {
    const text = 'kind: Pod\nspec:\n  securityContext:\n    runAsUser: 1\n  containers:\n  - name: a\n    image: x\n';
    const [document] = documentsOf(text);
    const at = (needle: string) => text.indexOf(needle);
    const lineOf = (needle: string) => ({ start: at(needle), end: text.indexOf('\n', at(needle)) + 1 });
    const refused = (splices: Splice[]) => expect(fixedValueByFragments(text, document!, splices), JSON.stringify(splices)).toBeNull();
    refused([{ ...lineOf('    runAsUser'), insert: '' }]);
    refused([{ start: at('  containers'), end: at('  containers'), insert: '  securityContext:\n    runAsUser: 2\n' }]);
    refused([{ start: at('  containers'), end: at('  containers'), insert: '  note: |+\n    kept\n' }]);
    refused([{ start: at('  containers'), end: at('  containers'), insert: '  note: "{{ .Values.x }}"\n' }]);
    refused([{ start: text.length, end: text.length, insert: '  hostNetwork: true\n    extra: 1\n' }]);
    // And proves what it can: a new entry of the pod spec, a changed value, a new entry of the container.
    const proven = fixedValueByFragments(text, document!, [
      { start: at('  containers'), end: at('  containers'), insert: '  hostPID: false\n' },
      { start: at('1\n'), end: at('1\n') + 1, insert: '1000' },
      { start: text.length, end: text.length, insert: '    securityContext:\n      privileged: false\n' },
    ]);
    expect(proven).toEqual({
      kind: 'Pod',
      spec: { securityContext: { runAsUser: 1000 }, hostPID: false, containers: [{ name: 'a', image: 'x', securityContext: { privileged: false } }] },
    });
  });

  it('reads one suggestion that rewrites the end of a container and adds to the pod spec as a change of each mapping', () => {
    // The shapes a container's last entry takes when its fixes and the pod's are written at one place, before the next document.
    const pod = (container: string) => `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: x\n${container}---\nkind: Service\n`;
    const podContext = '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n';
    const shapes = [
      // A nested list replaced (`add` by `drop`), an entry added to its container's securityContext, and the pod's.
      { lines: '        securityContext:\n          capabilities:\n            add:\n            - NET_ADMIN\n', old: '            add:\n            - NET_ADMIN\n', fixed: '            drop:\n            - ALL\n          allowPrivilegeEscalation: false\n' },
      // A value changed within its line, with new entries after it at two depths.
      { lines: '        securityContext:\n          privileged: true\n', old: 'true\n', fixed: 'false\n          allowPrivilegeEscalation: false\n' },
      // A nested entry removed (a port's hostPort), the container's and the pod's securityContext added after it.
      { lines: '        ports:\n        - containerPort: 80\n          hostPort: 80\n', old: '          hostPort: 80\n', fixed: '        securityContext:\n          allowPrivilegeEscalation: false\n' },
    ];
    for (const { lines, old, fixed } of shapes) {
      const text = pod(lines);
      const [document] = documentsOf(text);
      const start = text.indexOf(old);
      const splice = { start, end: start + old.length, insert: fixed + podContext };
      expect(agrees(text, document!, [splice], lines), lines).toBe(true);
    }
  });

  it('takes comment and blank lines more indented than the keys after a new last entry as nothing, unless that entry may be a block scalar', () => {
    // A document that ends with a comment of its last container (as generated and hand-written files often do).
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n    # keep in sync with the chart\n      \n---\nkind: Service\n';
    const [document] = documentsOf(text);
    const at = text.indexOf('    # keep');
    const after = (insert: string) => fixedValueByFragments(text, document!, [{ start: at, end: at, insert }]);
    expect(after('  securityContext:\n    runAsNonRoot: true\n')).toEqual({
      kind: 'Pod',
      spec: { containers: [{ name: 'a', image: 'x' }], securityContext: { runAsNonRoot: true } },
    });
    // A block scalar would take the comment as a line of its own: the whole reading decides.
    expect(after('  note: |\n    text\n')).toBeNull();
  });

  it('proves the edits only when every one lies in a rewritten entry and the entries read are the edited ones', () => {
    const text = 'kind: Pod\nspec:\n  a:\n    x: 1\n  b: true\n  c: 1\n';
    const [document] = documentsOf(text);
    const at = (needle: string) => text.indexOf(needle);
    const bFalse = { start: at('true'), end: at('true') + 4, insert: 'false' };
    const newZ = { start: at('  b:'), end: at('  b:'), insert: '    z: true\n' };
    const dropC = { start: at('  c:'), end: text.length, insert: '' };
    const proved = (splices: Splice[], edits: Edit[], known = true) => {
      const expected = applyEditsToJson(document!.value, edits);
      return provedByFragments(text, document!, splices, edits, (path) => (known ? valueAt(expected, path) : undefined), new FragmentMemory());
    };
    expect(proved([bFalse], [set(['spec', 'b'], false)])).toBe(true);
    expect(proved([bFalse], [set(['spec', 'b'], 'false')])).toBe(false); // a string, not the boolean the text now holds
    expect(proved([bFalse], [set(['spec', 'b'], false), set(['spec', 'c'], true)])).toBe(false); // an edit no splice wrote
    expect(proved([bFalse, dropC], [set(['spec', 'b'], false)])).toBe(false); // an entry gone that the edits keep
    expect(proved([dropC], [remove(['spec', 'c'])])).toBe(true);
    expect(proved([dropC], [remove(['spec', 'c'])], false)).toBe(false); // nothing is proved where the caller does not know the value
    // An entry outside the pod spec's run (`a`) changed by an edit that lies in the run of the mapping below it.
    expect(proved([newZ, dropC], [remove(['spec', 'c']), set(['spec', 'a', 'z'], true)])).toBe(true);
    expect(proved([newZ, dropC], [remove(['spec', 'c']), set(['spec', 'a', 'z'], false)])).toBe(false);
    expect(proved([newZ, dropC], [remove(['spec', 'c'])])).toBe(false);
  });

  it('splits a suggestion that rewrites the lines between two new blocks into the new blocks alone', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\n  hostPID: true\n';
    const [document] = documentsOf(text);
    const from = text.indexOf('  - name: b');
    const to = text.indexOf('  hostPID');
    const block = '    securityContext:\n      privileged: false\n';
    const rewritten = { start: from, end: to, insert: `${block}${text.slice(from, to)}${block}` };
    // Each new block lies in its container: read as the pod's combined verification reads them.
    expect(lineWise(text, [rewritten])).toEqual([
      { start: from, end: from, insert: block },
      { start: to, end: to, insert: block },
    ]);
    expect(agrees(text, document!, [rewritten], 'two new blocks')).toBe(true);
    // A line not written again as it was: the lines are rewritten, not split around it.
    const changed = { ...rewritten, insert: rewritten.insert.replace('image: y', 'image: z') };
    expect(lineWise(text, [changed])?.some((splice) => splice.end > splice.start)).toBe(true);
    expect(agrees(text, document!, [changed], 'a changed line')).toBe(true);
  });

  it('reads a List whose items alias whole items: an alias item becomes what its anchored item becomes', () => {
    const rng = createRng(Number(process.env.FRAGMENT_SEED ?? 2026) + 1);
    const count = Number(process.env.FRAGMENT_SPLICES ?? 3000) / 3;
    let answered = 0;
    for (let n = 0; n < count; n++) {
      const { name, text } = rng.pick(aliasedLists);
      const [document] = documentsOf(text);
      const splice = seededSplice(text, rng);
      if (document && agrees(text, document, [splice], `${name} (seeded ${n})`)) answered++;
    }
    expect(answered).toBeGreaterThan(count / 10);
    // The anchored item's change reaches its alias items, and nothing else.
    const text = 'kind: List\nitems:\n- &p\n  kind: Pod\n  spec:\n    hostPID: true\n- *p\n- kind: Pod\n  spec: {}\n';
    const [document] = documentsOf(text);
    const at = text.indexOf('true');
    const splice = { start: at, end: at + 4, insert: 'false' };
    const fixed = { kind: 'Pod', spec: { hostPID: false } };
    expect(fixedValueByFragments(text, document!, [splice])).toEqual({ kind: 'List', items: [fixed, fixed, { kind: 'Pod', spec: {} }] });
    expect(listItemsByFragments(text, document!, [splice], [0, 1], new FragmentMemory())).toEqual([fixed, fixed]);
    // An alias item left out of the items read would change unseen: not proven.
    expect(listItemsByFragments(text, document!, [splice], [0], new FragmentMemory())).toBeNull();
  });

  it('refuses a List whose anchors or aliases are not all whole items', () => {
    const splice = (text: string) => ({ start: text.indexOf('true'), end: text.indexOf('true') + 4, insert: 'false' });
    for (const text of [
      'kind: List\nitems:\n- kind: Pod\n  spec: &s\n    hostPID: true\n- kind: Pod\n  spec: *s\n',
      'kind: List\nitems:\n- &p\n  kind: Pod\n  spec:\n    hostPID: true\n- *p\n- &p\n  kind: Pod\n- *p\n',
      'kind: List\nitems:\n- &p\n  kind: Pod\n  spec:\n    hostPID: true\n    <<: {hostIPC: true}\n- *p\n',
      'kind: List\nitems:\n- &p kind: Pod\n  spec:\n    hostPID: true\n- *p\n',
      'kind: List\nitems:\n- &p\n  kind: Pod\n  <<: {metadata: {}}\n  spec:\n    hostPID: true\n- *p\n',
      'kind: List\nitems:\n- &p !!map\n  kind: Pod\n  spec:\n    hostPID: true\n- *p\n',
      'kind: List\nitems:\n- &p\n  kind: Pod\n  spec: !!map\n    hostPID: true\n- *p\n',
      'kind: List\nmetadata: &m {}\nitems:\n- kind: Pod\n  metadata: *m\n  spec:\n    hostPID: true\n',
    ]) {
      const [document] = documentsOf(text);
      expect(fixedValueByFragments(text, document!, [splice(text)]), text).toBeNull();
    }
  });

  it('leaves a verification of very many splices to a whole reading (matching them costs their number squared)', () => {
    const text = `kind: ConfigMap\ndata:\n${Array.from({ length: 300 }, (_, i) => `  k${i}: a\n`).join('')}`;
    const [document] = documentsOf(text);
    const splices = Array.from({ length: 300 }, (_, i) => {
      const at = text.indexOf(`k${i}: a`) + `k${i}: `.length;
      return { start: at, end: at + 1, insert: 'b' };
    });
    expect(fixedValueByFragments(text, document!, splices)).toBeNull();
    expect(fixedValueByFragments(text, document!, splices.slice(0, 256))).toEqual({
      kind: 'ConfigMap',
      data: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i < 256 ? 'b' : 'a'])),
    });
  });

  it('gives the fix engine the very fixes and notes of whole readings, and is taken', () => {
    let taken = 0;
    for (const { name, text } of [...fixtures.filter((_, i) => i % 3 === 0), ...generated, ...lists]) {
      const pods = podFailures(text, 'restricted');
      if (pods.every((pod) => pod.failures.length === 0)) continue;
      const request = { file: name, text, pods, level: 'restricted' as const, version: 'latest' as const, diff: null };
      const before = verificationCounts.fragments;
      const withFragments = computeFixes(request);
      taken += verificationCounts.fragments - before;
      expect(withFragments, name).toEqual(computeFixes({ ...request, fragments: false }));
    }
    expect(taken).toBeGreaterThan(100);
  });
});

/** Shapes around the places fixes write to: sequences of mappings, indentless sequences, comments, CRLF, block scalars. */
const edgeCases = [
  {
    name: 'indentless',
    text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n    # a comment\n    env:\n    - name: A\n      value: "1"\n  - name: b\n    image: y\n# at column 0\n  hostNetwork: true\n',
  },
  { name: 'crlf', text: 'kind: Pod\r\nspec:\r\n  containers:\r\n    - name: a\r\n      image: x\r\n  volumes:\r\n    - name: v\r\n      hostPath:\r\n        path: /x\r\n' },
  {
    name: 'block scalars',
    text: 'kind: Pod\nspec:\n  containers:\n  - name: a\n    command:\n    - sh\n    - -c\n    - |\n      echo a\n\n      echo b\n    args: >-\n      folded\n      text\n  hostIPC: false\n',
  },
  {
    name: 'pretty JSON',
    text: `${JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x', securityContext: { privileged: true } }] } }, null, 2)}\n`,
  },
  { name: 'nested sequences', text: 'kind: Pod\nspec:\n  containers:\n  - - name: a\n      image: x\n  - name: b\n    ports:\n    - containerPort: 1\n      protocol: TCP\n' },
  {
    name: 'indented comments and blank lines at the ends of documents',
    text: 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n      # deeper\n        \n    # a container note\n---\nkind: Pod\nspec:\n  containers:\n  - name: b\n    command: |\n      echo\n        # in the scalar\n\n  # spec note\n      # deeper still\n',
  },
];

/** Lists whose items alias whole items (src/fixes/itemAliases.ts), with the shapes fixes write around. */
const aliasedLists = [
  { name: 'anchored list', text: listOfPods(23, 'anchored') },
  {
    name: 'anchored items with comments and block scalars',
    text: 'apiVersion: v1\nkind: List\nitems:\n- &a\n  kind: Pod\n  metadata:\n    name: a # named\n  spec:\n    containers:\n    - name: c\n      image: x\n      command:\n      - |\n        echo\n\n    # between\n    hostNetwork: true\n- *a\n- kind: Pod\n  spec:\n    hostIPC: true\n- &b\n  kind: Pod\n  spec:\n    containers:\n    - name: d\n      image: y\n      securityContext:\n        privileged: true\n- *b\n- *a\n',
  },
];

/** A splice of the kinds fixes write in JSON and of the kinds they never do, at random places: before a key, a brace, a bracket, a comma. */
function seededJsonSplice(text: string, rng: ReturnType<typeof createRng>): Splice {
  const marks: number[] = [];
  for (let i = 0; i < text.length; i++) if ('"{}[],:'.includes(text.charAt(i))) marks.push(i);
  const at = rng.pick(marks);
  const members = ['"k":1', '"k":true', '"securityContext":{"runAsNonRoot":true}', '"drop":["ALL"]', '"k":"{{ x }}"', '"k":[]', '"k":{}', '"k":1E400', '"a":1,"a":2'];
  switch (rng.int(0, 4)) {
    case 0:
      return { start: at, end: at, insert: `,${rng.pick(members)}` };
    case 1:
      return { start: at, end: at, insert: `${rng.pick(members)},` };
    case 2:
      return { start: at, end: Math.min(text.length, at + rng.int(1, 30)), insert: '' };
    case 3:
      return { start: at, end: Math.min(text.length, at + rng.int(1, 12)), insert: rng.pick(['true', 'false', '1', '"x"', '', ',', '}', '{', ']']) };
    default:
      return { start: at, end: at, insert: rng.pick([',', ' ', '\n', '"', 'x', '}', '{', ']', '[', ':']) };
  }
}

/** A splice of the kinds fixes write and of the kinds they never do, at random places. */
function seededSplice(text: string, rng: ReturnType<typeof createRng>): Splice {
  if (text.startsWith('{') && rng.chance(0.8)) return seededJsonSplice(text, rng);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length) lineStarts.push(i + 1);
  const lineStart = rng.pick(lineStarts);
  const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
  const indent = ' '.repeat(rng.int(0, 12));
  const lines = ['key: value', 'runAsNonRoot: true', '- item', 'nested:', '  inner: 1', '# comment', '', 'securityContext:\n  privileged: false', 'k: |', 'k: |+', 'k: "a', "k: 'x'", 'k: [a, b]', 'k: {a: 1}', '---', 'k: *a', 'k: &a 1', '<<: {a: 1}', 'k: !!str 1', 'k:\n- x'];
  const newLines = Array.from({ length: rng.int(1, 3) }, () => indent + rng.pick(lines)).join('\n');
  const at = rng.int(0, Math.max(0, text.length - 1));
  switch (rng.int(0, 6)) {
    case 0:
      return { start: lineStart, end: lineStart, insert: `${newLines}\n` };
    case 1:
      return { start: lineEnd, end: lineEnd, insert: `\n${newLines}` };
    case 2:
      return { start: lineStart, end: Math.min(text.length, lineEnd + 1), insert: '' };
    case 3:
      return { start: lineStart, end: Math.min(text.length, lineEnd + 1), insert: `${newLines}\n` };
    case 4:
      return { start: lineStart, end: Math.min(text.length, lineEnd + 1), insert: `${text.slice(lineStart, lineEnd + 1)}${newLines}\n` };
    case 5:
      return { start: at, end: at, insert: rng.pick([' ', '  ', ':', ': ', '-', '- ', '#', '"', "'", '\n', '[', '{', '|', 'x', '0', '\r']) };
    default:
      return { start: at, end: Math.min(text.length, at + rng.int(1, 4)), insert: rng.pick(['', 'true', 'false', '1', 'x']) };
  }
}
