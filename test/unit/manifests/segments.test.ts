/**
 * Verification re-loads only the documents a fix changed (src/manifests/segments.ts
 * cuts the stream, verify.ts falls back to the whole file when the cut is in
 * doubt). Its verdicts must be those of verifying the whole file: a stream's
 * fixes are exactly its documents' fixes, each made alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fixes/fixFile.js';
import { segmentAt, segmentStarts, segmentText } from '../../../src/manifests/segments.js';
import { podKey, verifierOf } from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { conformanceFixtures } from '../../helpers/corpus.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** The definition segmentStarts implements with a scan: multiline regular expressions. */
function segmentStartsByRegex(text: string): number[] | null {
  if (/^(?:%|\.\.\.(?:[ \t\r\n]|$))/m.test(text)) return null;
  const starts = [0];
  for (const match of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (match.index > 0) starts.push(match.index);
  return starts;
}

describe('segmentStarts', () => {
  it('is the multiline regular expressions, on texts built of markers, breaks and blanks', () => {
    const pieces = ['---', '...', '%', '-', '.', 'a', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '#', ':'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      expect(segmentStarts(text), JSON.stringify(text)).toEqual(segmentStartsByRegex(text));
    }
  });

  it('cuts at every line that starts with a document marker', () => {
    const text = lines('a: 1', '--- # second', 'b: 2', '---', 'c: |', '  ---', '  text', '---x: 3', '---');
    const starts = segmentStarts(text);
    expect(starts).toEqual([0, text.indexOf('--- # second'), text.indexOf('---\nc:'), text.lastIndexOf('---\n')]);
    expect(segmentText(text, starts!, 1)).toBe(lines('--- # second', 'b: 2'));
    expect(segmentText(text, starts!, 2)).toBe(lines('---', 'c: |', '  ---', '  text', '---x: 3'));
    expect(segmentAt(starts!, 0)).toBe(0);
    expect(segmentAt(starts!, text.indexOf('b: 2'))).toBe(1);
    expect(segmentAt(starts!, text.length)).toBe(3);
  });

  it('does not cut a stream whose documents depend on each other: directives or `...`', () => {
    expect(segmentStarts(lines('%YAML 1.1', '---', 'a: 1', '---', 'b: 2'))).toBeNull();
    expect(segmentStarts(lines('a: 1', '...', 'b: 2'))).toBeNull();
    expect(segmentStarts(lines('a: 1', '---', 'b: "...x"'))).toEqual([0, 5]);
  });
});

const service = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '  - port: 80');

describe('a stream is fixed as its documents are, each alone', () => {
  const fixtures = conformanceFixtures().filter((f) => f.expectation === 'fail' && f.minor === 37);

  it('for every v1.37 fail fixture, six to a stream with Services and comments between them', () => {
    let fixedDocuments = 0;
    for (let i = 0; i < fixtures.length; i += 6) {
      const group = fixtures.slice(i, i + 6);
      const level = group[0]!.level;
      const same = group.filter((f) => f.level === level);
      const texts = same.map((f) => readFileSync(f.file, 'utf8'));
      const stream = '# a prelude comment\n' + texts.map((t) => `---\n${t}---\n# the Service\n${service}`).join('');
      const expected =
        '# a prelude comment\n' +
        texts
          .map((t, j) => {
            const alone = fixText(same[j]!.file, t, { level, version: 37 });
            if (alone.text !== t) fixedDocuments++;
            return `---\n${alone.text}---\n# the Service\n${service}`;
          })
          .join('');
      expect(fixText('stream.yaml', stream, { level, version: 37 }).text, same.map((f) => f.name).join(', ')).toBe(expected);
    }
    expect(fixedDocuments).toBeGreaterThan(50);
  });

  it('with the same refusals: a fix withdrawn in its document alone is withdrawn in the stream', () => {
    const refused = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: x', '    ports:', '    - hostPort: 80', '      containerPort: 80', '      hostPort: 81');
    const partly = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: q}', 'spec:', '  hostIPC: true', '  containers:', '  - name: app', '    image: x', '    ports:', '    - {hostPort: 80, containerPort: 80, hostPort: 81}');
    const alone = (t: string) => fixText('one.yaml', t, { level: 'baseline', version: 'latest' });
    expect(alone(refused).text).toBe(refused);
    expect(alone(partly).text).not.toBe(partly);
    const stream = `${refused}---\n${service}---\n${partly}---\n${refused}`;
    const fixed = fixText('stream.yaml', stream, { level: 'baseline', version: 'latest' });
    expect(fixed.text).toBe(`${refused}---\n${service}---\n${alone(partly).text}---\n${refused}`);
    expect(fixed.pods.map((p) => p.fixes.map((f) => f.fix === null))).toEqual([[true], [false, true], [true]]);
  });

  it('also when the stream cannot be cut (a directive), verifying the whole file', () => {
    const [a, b] = fixtures.filter((f) => f.level === 'restricted' && !/volume/i.test(f.name)).map((f) => readFileSync(f.file, 'utf8'));
    const stream = `%YAML 1.1\n---\n${a!}---\n${b!}`;
    const fixed = fixText('stream.yaml', stream, { level: 'restricted', version: 37 });
    const alone = (t: string) => fixText('one.yaml', t, { level: 'restricted', version: 37 }).text;
    expect(fixed.text).toBe(`%YAML 1.1\n---\n${alone(a!)}---\n${alone(b!)}`);
    expect(fixed.text).not.toBe(stream);
  });
});

describe('verifierOf', () => {
  const text = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: a}', 'spec:', '  containers: [{name: c, image: x}]', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  containers: [{name: c, image: x}]');
  const known = loadManifestFile('v.yaml', text).documents;
  const policy = () => ({ level: 'baseline' as const, version: 'latest' as const });
  const hostNetwork = { edits: new Map([[1, [{ op: 'set' as const, path: ['spec', 'hostNetwork'], value: false }]]]), fixed: new Map([[podKey(1, []), new Set<never>()]]) };

  // Splices on the head text: an insertion at its end, and a replacement of one of its strings.
  const atEnd = (insert: string) => ({ start: text.length, end: text.length, insert });
  const replace = (from: string, to: string) => ({ start: text.indexOf(from), end: text.indexOf(from) + from.length, insert: to });

  it('checks a document the expectation names even when its text did not change', () => {
    const verify = verifierOf('v.yaml', text, policy, known);
    expect(verify([], hostNetwork)).toBe('the fixed YAML would change more than the fixed fields');
    expect(verify([atEnd('  hostNetwork: false\n')], hostNetwork)).toBeNull();
  });

  it('refuses a change outside the named documents', () => {
    const verify = verifierOf('v.yaml', text, policy, known);
    const both = [replace('{name: a}', '{name: a2}'), atEnd('  hostNetwork: false\n')];
    expect(verify(both, hostNetwork)).toBe('the fixed YAML would change more than the fixed fields');
  });

  it('gives the same verdict again from its cache, and another one for another expectation', () => {
    const verify = verifierOf('v.yaml', text, policy, known);
    const fixed = [atEnd('  hostNetwork: false\n')];
    expect(verify(fixed, hostNetwork)).toBeNull();
    expect(verify(fixed, hostNetwork)).toBeNull();
    const runAsNonRoot = { edits: new Map([[1, [{ op: 'set' as const, path: ['spec', 'securityContext', 'runAsNonRoot'], value: true }]]]), fixed: new Map() };
    expect(verify(fixed, runAsNonRoot)).toBe('the fixed YAML would change more than the fixed fields');
  });

  it('refuses a fix that adds a document', () => {
    const verify = verifierOf('v.yaml', text, policy, known);
    expect(verify([atEnd('  hostNetwork: false\n---\na: 1\n')], hostNetwork)).toBe('the fixed YAML has a different number of documents');
  });
});
