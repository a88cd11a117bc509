import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../src/diff/types.js';
import { quietValuesChanges } from '../../../src/render/quietValues.js';
import type { RenderingOutcome } from '../../../src/render/quietValues.js';
import type { RenderRoot } from '../../../src/render/types.js';
import { helmRoot } from '../../helpers/renderRoots.js';

const root = (label: string, valuesFiles: string[] = []) => helmRoot('charts/agent', label, valuesFiles);

const quiet = (r: RenderRoot, changed = false, bothRendered = true): RenderingOutcome => ({ root: r, bothRendered, headRendered: bothRendered, changed: () => changed, writes: () => true });

/** A pull request that changes charts/agent/values.yaml from `base` to `head`. */
const changing = (base: string, head: string): ChangeSet => ({
  files: [{ path: 'charts/agent/values.yaml', status: 'modified', base: { kind: 'content', data: base }, head: { kind: 'content', data: head }, hunks: [] }],
});

const before = 'image: agent:1\nprobe:\n  securityContext:\n    privileged: false\n';
const after = before.replace('privileged: false', 'privileged: true');

describe('quietValuesChanges', () => {
  it('says a change to a pod-security key that no rendering reading the file shows, on its line', () => {
    const [notice] = quietValuesChanges(changing(before, after), [quiet(root('charts/agent'))], []);
    expect([notice!.file, notice!.line, notice!.kind]).toEqual(['charts/agent/values.yaml', 4, 'not-rendered']);
    expect(notice!.message).toMatch(/^this change sets `probe\.securityContext\.privileged`, but `charts\/agent` renders the same as before/);
    // Several renderings of the chart (its ci values among them) are named by the chart, with how many.
    const both = [quiet(root('charts/agent')), quiet(root('charts/agent (ci/a-values.yaml)', ['charts/agent/ci/a-values.yaml']))];
    expect(quietValuesChanges(changing(before, after), both, ['charts/agent/ci/a-values.yaml'])[0]!.message).toMatch(/, but `charts\/agent` \(2 renderings\) renders the same as before \(the templates that read it are off with the values it is rendered with, or nothing reads it\): the change is not checked; name a values file that turns them on under `render\.charts` in \.github\/pod-security\.yaml$/);
    // The chart's test values it is not rendered with are named.
    expect(quietValuesChanges(changing(before, after), [quiet(root('charts/agent'))], ['charts/agent/ci/a-values.yaml', 'charts/agent/ci/b-values.yaml'])[0]!.message).toMatch(/set `ci-values: true` there to render it with each of its 2 ci\/\*-values\.yaml files$/);
  });

  it('says nothing when a rendering moved with it (a pod spec, or an object of no pod spec such as a Prometheus custom resource), one did not render, the key is not a pod-security one, or only comments changed', () => {
    expect(quietValuesChanges(changing(before, after), [quiet(root('charts/agent')), quiet(root('charts/agent (ci/a-values.yaml)', ['charts/agent/ci/a-values.yaml']), true)], [])).toEqual([]);
    expect(quietValuesChanges(changing(before, after), [quiet(root('charts/agent'), false, false)], [])).toEqual([]);
    expect(quietValuesChanges(changing(before, before.replace('agent:1', 'agent:2')), [quiet(root('charts/agent'))], [])).toEqual([]);
    expect(quietValuesChanges(changing(before, `# the probe\n${before}`), [quiet(root('charts/agent'))], [])).toEqual([]);
    // A values file no rendering reads is strayValues.ts's to name.
    expect(quietValuesChanges(changing(before, after), [quiet({ ...root('charts/other'), dir: 'charts/other' })], [])).toEqual([]);
  });
});

describe('quietValuesChanges of an installer\'s inline values', () => {
  // A Fleet bundle whose chart reads no `securityContext` (fleet-examples' guestbook): the change renders the same.
  const fleet = (values: string) => `namespace: web\nhelm:\n  releaseName: web\n  values:\n    replicas: 2\n${values}`;
  const bundle = (label: string, inline: (string | number)[]): RenderRoot => {
    const r = helmRoot('apps/web', label);
    return { ...r, helm: { ...r.helm!, application: { kind: 'FleetBundle', file: 'apps/web/fleet.yaml', name: 'apps/web', inline } } };
  };
  const changingBundle = (base: string, head: string): ChangeSet => ({
    files: [{ path: 'apps/web/fleet.yaml', status: 'modified', base: { kind: 'content', data: base }, head: { kind: 'content', data: head }, hunks: [] }],
  });
  const privileged = '    securityContext:\n      privileged: true\n';

  it('says a pod-security key the change sets in them that no rendering of the installer shows, on its line in the file', () => {
    const [notice] = quietValuesChanges(changingBundle(fleet(''), fleet(privileged)), [quiet(bundle('apps/web (Fleet bundle apps/web)', ['helm', 'values']))], []);
    expect([notice!.file, notice!.line, notice!.kind]).toEqual(['apps/web/fleet.yaml', 6, 'not-rendered']);
    expect(notice!.message).toMatch(/^this change sets `securityContext`, but `apps\/web \(Fleet bundle apps\/web\)` renders the same as before/);
  });

  it('says nothing when the installer\'s rendering moved, or the change is to other values of it', () => {
    expect(quietValuesChanges(changingBundle(fleet(''), fleet(privileged)), [quiet(bundle('apps/web (Fleet bundle apps/web)', ['helm', 'values']), true)], [])).toEqual([]);
    expect(quietValuesChanges(changingBundle(fleet(''), fleet('    replicas: 3\n')), [quiet(bundle('apps/web (Fleet bundle apps/web)', ['helm', 'values']))], [])).toEqual([]);
  });
});

describe('quietValuesChanges of several installers in one file', () => {
  // An app of apps' apps.yaml: two Argo CD Applications with inline values, the second's changed.
  const application = (name: string, values: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\nspec:\n  source:\n    path: charts/${name}\n    helm:\n      valuesObject:\n        replicas: 2\n${values}`;
  const apps = (apiValues: string) => `${application('web', '')}---\n${application('api', apiValues)}`;
  const installed = (name: string): RenderRoot => {
    const r = helmRoot(`charts/${name}`, `charts/${name} (Application ${name})`);
    return { ...r, helm: { ...r.helm!, application: { kind: 'Application', file: 'apps/apps.yaml', name, inline: ['spec', 'source', 'helm', 'valuesObject'] } } };
  };
  const changingApps = (base: string, head: string): ChangeSet => ({
    files: [{ path: 'apps/apps.yaml', status: 'modified', base: { kind: 'content', data: base }, head: { kind: 'content', data: head }, hunks: [] }],
  });

  it("says each installer's quiet change on its own line, not only the first installer's", () => {
    const privileged = '        securityContext:\n          privileged: true\n';
    const notices = quietValuesChanges(changingApps(apps(''), apps(privileged)), [quiet(installed('web')), quiet(installed('api'))], []);
    expect(notices.map((n) => [n.file, n.line, n.message.slice(0, 70)])).toEqual([['apps/apps.yaml', 22, 'this change sets `securityContext`, but `charts/api (Application api)`']]);
  });
});
