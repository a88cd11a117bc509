/** How the base commit installed what each installer of the head commit installs (installsAtBase.ts). */
import { describe, expect, it } from 'vitest';
import type { ApplicationChart } from '../../../src/render/applications.js';
import { rootAtBase, withInstallsAtBase } from '../../../src/render/installsAtBase.js';
import type { RenderRoot } from '../../../src/render/types.js';

const installer = (more: Partial<ApplicationChart> = {}): ApplicationChart => ({
  kind: 'Application',
  file: 'apps/web.yaml',
  name: 'web',
  noticeLine: 8,
  chartDir: 'charts/web',
  release: 'web',
  namespace: 'prod',
  valueFiles: ['charts/web/values-prod.yaml'],
  inline: null,
  revision: { kind: 'default' },
  ...more,
});
const applicationText = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n';
const setText = 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: web\n';
const atBaseOf = (head: ApplicationChart, base: ApplicationChart[], text = applicationText) => withInstallsAtBase([head], base, [{ path: head.file, text }])[0]!.atBase;

describe('installs at base', () => {
  it('gives the settings the base commit installed with, where they differ from head', () => {
    expect(atBaseOf(installer(), [installer()])).toBeUndefined();
    expect(atBaseOf(installer(), [installer({ valueFiles: ['charts/web/values-dev.yaml'] })])).toEqual({ release: 'web', namespace: 'prod', valueFiles: ['charts/web/values-dev.yaml'] });
    const kubeVersion = { kubeVersion: '1.29.0', apiVersions: [] };
    expect(atBaseOf(installer(), [installer({ release: 'old', namespace: null, capabilities: kubeVersion })])).toEqual({ release: 'old', namespace: null, valueFiles: ['charts/web/values-prod.yaml'], capabilities: kubeVersion });
  });

  it('installs nothing at base for an object new there, a chart that moved, or an Application its set did not make there', () => {
    expect(atBaseOf(installer(), [], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n')).toBeNull();
    expect(atBaseOf(installer(), [installer({ chartDir: 'charts/old' })])).toBeNull();
    const generated = (name: string) => installer({ kind: 'ApplicationSet', generated: name });
    expect(atBaseOf(generated('web-prod'), [generated('web-dev')], setText)).toBeNull();
  });

  it("leaves an installer as at head where the base's installs are not known: its set kept to its notice, its file not read, a helmfile release", () => {
    expect(atBaseOf(installer({ kind: 'ApplicationSet', generated: 'web-prod' }), [], setText)).toBeUndefined();
    expect(withInstallsAtBase([installer()], [], [])[0]!.atBase).toBeUndefined();
    expect(atBaseOf(installer({ kind: 'HelmfileRelease', file: 'helmfile.yaml' }), [], 'releases: []\n')).toBeUndefined();
  });

  it('renders a root at base with the install it had there, or not at all', () => {
    const helm = { release: 'web', namespace: 'prod', namespaceGiven: true, valuesFiles: ['charts/web/values-prod.yaml'] };
    const root = { tool: 'helm', dir: 'charts/web', helm } as unknown as RenderRoot;
    expect(rootAtBase(root)).toBe(root);
    const atBase = { release: 'web', namespace: 'default', namespaceGiven: false, valuesFiles: ['charts/web/values-dev.yaml'] };
    expect(rootAtBase({ ...root, helm: { ...helm, atBase } })?.helm).toMatchObject(atBase);
    expect(rootAtBase({ ...root, helm: { ...helm, atBase: null } })).toBeNull();
  });
});
