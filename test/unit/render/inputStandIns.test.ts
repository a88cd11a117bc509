/** Empty stand-ins for the generator inputs a repository lacks (a `.env` a build step writes). */
import { describe, expect, it } from 'vitest';
import { withInputStandIns } from '../../../src/render/inputStandIns.js';

const encoder = new TextEncoder();
const tree = (files: Record<string, string>) => new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)] as const));

describe('withInputStandIns', () => {
  const kustomization = [
    'resources: [deployment.yaml]',
    'configMapGenerator:',
    '  - name: settings',
    '    envs: [.env]',
    '  - name: big',
    '    files: [big.json]',
    'secretGenerator:',
    '  - name: tls',
    '    files: [tls.crt=../certs/tls.crt]',
    '',
  ].join('\n');
  const files = tree({ 'app/kustomization.yaml': kustomization, 'app/deployment.yaml': 'kind: Deployment\n' });
  // The repository lists big.json (too large to be read), not .env or the certificate.
  const listed = (path: string) => path === 'app/big.json' || files.has(path);

  it('adds an empty file for each input the repository does not list, and names them', () => {
    const { files: complete, standIns } = withInputStandIns(files, listed);
    expect(standIns).toEqual(['app/.env', 'certs/tls.crt']);
    expect([...complete.keys()].sort()).toEqual(['app/.env', 'app/deployment.yaml', 'app/kustomization.yaml', 'certs/tls.crt']);
    expect(complete.get('app/.env')).toEqual(new Uint8Array());
  });

  it('leaves a tree without such inputs as it is', () => {
    const none = tree({ 'app/kustomization.yaml': 'resources: [deployment.yaml]\n', 'app/deployment.yaml': 'kind: Deployment\n' });
    const result = withInputStandIns(none, () => true);
    expect(result.files).toBe(none);
    expect(result.standIns).toEqual([]);
  });
});
