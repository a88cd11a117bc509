import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import { objectFixes } from '../../../src/render/objectFix.js';
import type { FindingCheck } from '../../../src/policy/sources/extraChecks.js';

const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      hostPID: true', '      containers:', '        - name: app', '          image: app:1', ''].join('\n');
const [document] = loadManifestFile('base/deploy.yaml', text).documents;

function fixesOf(checks: readonly FindingCheck[], level: 'baseline' | 'restricted' = 'restricted') {
  return objectFixes(text, [{ written: { file: 'base/deploy.yaml', document: document!, targeted: false }, checks: new Set(checks), policy: { level, version: 'latest' } }])[0]!;
}

describe('objectFixes: a source document fixed as a plain manifest, for the checks a rendering of it fails', () => {
  it('fixes only the checks asked for, in one suggestion of the document\'s lines', () => {
    const fixes = fixesOf(['runAsNonRoot', 'seccompProfile_restricted']);
    expect([...fixes.keys()]).toEqual(['runAsNonRoot', 'seccompProfile_restricted']);
    const replacement = fixes.get('runAsNonRoot')?.fix?.replacement;
    expect(replacement).toBe('          image: app:1\n      securityContext:\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n');
    expect(fixes.get('seccompProfile_restricted')?.fix).toEqual(fixes.get('runAsNonRoot')?.fix);
    // hostPID is not asked for: the suggestion leaves it.
    expect(replacement).not.toContain('hostPID');
  });

  it('gives nothing for a check the document does not fail as written (a patch makes the rendering fail it), or at a level it passes', () => {
    expect(fixesOf(['privileged']).size).toBe(0);
    expect(fixesOf(['runAsNonRoot'], 'baseline').size).toBe(0);
    expect([...fixesOf(['hostNamespaces'], 'baseline')].map(([check, fix]) => [check, fix.fix?.replacement])).toEqual([['hostNamespaces', '      hostPID: false\n']]);
  });
});

describe('objectFixes of a baseline check that restricted overrides', () => {
  it("gives the restricted override's fix to the baseline check it stands for, without the override's caveat", () => {
    // kube-thanos: a debug container adds NET_ADMIN; the rendering fails capabilities_baseline (blocking) and capabilities_restricted.
    const adds = text.replace('          image: app:1\n', '          image: app:1\n          securityContext:\n            capabilities:\n              add: [NET_ADMIN]\n');
    const [addsDocument] = loadManifestFile('base/deploy.yaml', adds).documents;
    const [fixes] = objectFixes(adds, [{ written: { file: 'base/deploy.yaml', document: addsDocument!, targeted: false }, checks: new Set(['capabilities_baseline', 'capabilities_restricted'] as const), policy: { level: 'restricted', version: 'latest' } }]);
    expect(fixes!.get('capabilities_restricted')?.fix?.replacement).toBe('              drop: [ALL]\n');
    expect(fixes!.get('capabilities_baseline')).toEqual({ check: 'capabilities_baseline', fix: fixes!.get('capabilities_restricted')!.fix, fixNote: null });
    expect(fixes!.get('capabilities_restricted')?.fixNote).toContain('the only one this level allows');
  });
});

describe('objectFixes of several documents of one text', () => {
  const two = `${text}---\n${text.replace('name: web', 'name: api').replace('hostPID: true', 'hostIPC: true')}`;
  const documents = loadManifestFile('base/bundle.yaml', two).documents;

  it('fixes each document on its own lines, in one run of the fix engine', () => {
    const [web, api] = objectFixes(
      two,
      documents.map((document) => ({ written: { file: 'base/bundle.yaml', document, targeted: false }, checks: new Set(['hostNamespaces'] as const), policy: { level: 'baseline' as const, version: 'latest' as const } })),
    );
    expect(web?.get('hostNamespaces')?.fix).toMatchObject({ startLine: 8, endLine: 8, replacement: '      hostPID: false\n' });
    expect(api?.get('hostNamespaces')?.fix).toMatchObject({ startLine: 20, endLine: 20, replacement: '      hostIPC: false\n' });
  });
});
