/**
 * A bug in the fix engine (an exception where only values are expected)
 * costs the file it struck its fixes, never the review: every finding of
 * that file is reported whole, with a note that says what failed, and the
 * other files are fixed as usual. The verifier is made to throw here for
 * one file, as a stand-in for such a bug.
 */
import { describe, expect, it, vi } from 'vitest';
import { evaluateFiles } from '../../../src/findings/evaluateFiles.js';
import { policyContext } from '../../../src/findings/policyContext.js';
import type * as VerifyModule from '../../../src/fixes/verify.js';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { objectFixes } from '../../../src/render/objectFix.js';
import { notComputedLines } from '../../../src/report/notComputed.js';

vi.mock('../../../src/fixes/verify.js', async (importOriginal) => {
  const real = await importOriginal<typeof VerifyModule>();
  return {
    ...real,
    verifierOf: (...args: Parameters<typeof real.verifierOf>) => {
      if (args[0] === 'odd.yaml') throw new RangeError('Maximum call stack size exceeded');
      return real.verifierOf(...args);
    },
  };
});

const pod = (name: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', '  hostNetwork: true', '  containers:', '  - name: app', '    image: registry.example/app:1', '    securityContext:', '      privileged: true', ''].join('\n');

describe('a fix engine that throws on a file', () => {
  const files = [
    { path: 'odd.yaml', content: pod('odd') },
    { path: 'fine.yaml', content: pod('fine') },
  ];
  const policy = policyContext('2026-12-07');

  it('leaves that file its findings, whole, each saying the fix engine failed; the other file is fixed', () => {
    const withFixes = evaluateFiles(files, { policy, fixes: true });
    const withoutFixes = evaluateFiles(files, { policy, fixes: false });
    const odd = withFixes.findings.filter((f) => f.file === 'odd.yaml');
    const fine = withFixes.findings.filter((f) => f.file === 'fine.yaml');
    // Blocking at baseline, and the warnings of restricted (the default warn level).
    expect(odd.map((f) => f.check)).toEqual(['hostNamespaces', 'privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
    // The findings are those of a run without fixes, but for the fix fields.
    expect(odd.map(({ fix: _fix, fixNote: _note, ...rest }) => rest)).toEqual(withoutFixes.findings.filter((f) => f.file === 'odd.yaml').map(({ fix: _fix, fixNote: _note, ...rest }) => rest));
    for (const finding of odd) {
      expect(finding.fix ?? null).toBeNull();
      expect(finding.fixNote).toBe(
        'not computed: the fix engine failed on this file (an internal error, please report it: Maximum call stack size exceeded); the finding itself is complete.',
      );
    }
    expect(fine.map((f) => f.check)).toEqual(odd.map((f) => f.check));
    for (const finding of fine) expect(finding.fix?.replacement).toMatch(/securityContext|hostNetwork|privileged/);
    expect(withFixes.errors).toEqual([]);
  });

  it('is said once by the run, apart from budgets that ran out', () => {
    const { findings } = evaluateFiles(files, { policy, fixes: true });
    expect(notComputedLines(findings)).toEqual([
      "internal error in the fix engine on 1 file (please report it; each fix's note has the error): its 6 findings are reported without fixes",
    ]);
  });
});

describe('a fix engine that throws on a source document of a rendering (a Kustomize resource)', () => {
  it("gives each check asked for no fix and the note, rather than throwing into the placement of the rendering's findings", () => {
    const text = pod('odd');
    const [document] = loadManifestFile('odd.yaml', text).documents;
    const [fixes] = objectFixes(text, [{ written: { file: 'odd.yaml', document: document!, targeted: false }, checks: new Set(['privileged'] as const), policy: { level: 'baseline', version: 'latest' } }]);
    expect([...fixes!.values()]).toEqual([
      { check: 'privileged', fix: null, fixNote: 'not computed: the fix engine failed on this file (an internal error, please report it: Maximum call stack size exceeded); the finding itself is complete.' },
    ]);
  });
});
