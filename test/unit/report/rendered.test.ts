/** How findings of a rendered chart or overlay read in a comment, the summary, SARIF and JSON. */
import { describe, expect, it } from 'vitest';
import { checkRunText } from '../../../src/report/checkRun.js';
import { readFingerprints } from '../../../src/report/fingerprint.js';
import { commentBody } from '../../../src/report/commentBody.js';
import { renderJson } from '../../../src/report/json.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { summaryMarkdown } from '../../../src/report/summary.js';
import { renderText } from '../../../src/report/text.js';
import { reviewFinding } from '../../helpers/findings.js';

const exact = reviewFinding({ file: 'charts/web/values.yaml', line: 9, rendered: { tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/values.yaml', sourceLine: 9, exact: true, snippet: null } });
const uncertain = reviewFinding({
  file: 'charts/web/Chart.yaml',
  line: 1,
  check: 'runAsNonRoot',
  rendered: { tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/Chart.yaml', sourceLine: 1, exact: false, snippet: '      containers:\n        - name: web\n          image: web:1' },
});

describe('rendered findings', () => {
  it('a comment names the root; without a certain line it shows the rendered lines', () => {
    expect(commentBody([exact], null)).toContain('_Rendered by helm from `charts/web`._');
    const body = commentBody([uncertain], null);
    expect(body).toContain('<details><summary>Rendered by helm from `charts/web`: no line here writes the value; the rendered manifest reads</summary>');
    expect(body).toContain('```yaml\n      containers:\n        - name: web\n          image: web:1\n```');
  });

  it('a comment on a line several roots render names each tool once, with its roots', () => {
    const overlay = (root: string) =>
      reviewFinding({ file: 'app/base/deployment.yaml', line: 12, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact: true, snippet: null } });
    expect(commentBody([overlay('app/overlays/prod'), overlay('app/overlays/staging')], null)).toContain('_Rendered by kustomize from `app/overlays/prod`, `app/overlays/staging`._');
    expect(commentBody([exact, overlay('app/overlays/prod')], null)).toContain('_Rendered by helm from `charts/web`; kustomize from `app/overlays/prod`._');
    // The renderings' findings are one finding to the comment's marker: its fingerprint, once.
    expect(commentBody([overlay('app/overlays/prod'), overlay('app/overlays/staging')], null)).toMatch(/<!-- pod-security-review:[A-Za-z0-9_-]+ -->$/);
  });

  it("a comment on a line many charts render (a library chart's helper) names a few workloads, details, examples and roots, and counts the rest", () => {
    const charts = ['airflow', 'apache', 'argo-cd', 'cassandra', 'consul', 'etcd', 'kafka', 'nginx'];
    const findings = charts.map((chart) =>
      reviewFinding({
        file: 'bitnami/common/templates/_compatibility.tpl',
        line: 45,
        name: chart,
        namespace: 'default',
        check: 'seccompProfile_restricted',
        reason: 'seccompProfile',
        detail: `pod or container "${chart}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
        blocking: false,
        mode: 'warn',
        fixNote: `The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n\`\`\`diff\n+  # ${chart}\n+  seccompProfile:\n\`\`\``,
        rendered: { tool: 'helm', root: `bitnami/${chart}`, sourceFile: 'bitnami/common/templates/_compatibility.tpl', sourceLine: 45, exact: true, snippet: null },
      }),
    );
    const body = commentBody(findings, null);
    expect(body).toContain('> **Deployments `default/airflow`, `default/apache`, `default/argo-cd`, `default/cassandra`, `default/consul` and 3 more workloads: [no seccomp profile]');
    // Their details alike but for the containers' names: said once, naming a few containers and counting the rest.
    expect(body).toContain(
      '\n- seccompProfile (pod or containers "airflow", "apache", "argo-cd", "cassandra", "consul" and 3 more must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n',
    );
    expect(body.split('would be fixed by this change')).toHaveLength(3);
    expect(body).toContain('_6 more examples not shown._');
    expect(body).toContain('_Rendered by helm from `bitnami/airflow`, `bitnami/apache`, `bitnami/argo-cd`, `bitnami/cassandra`, `bitnami/consul` and 3 more roots._');
    // Every finding is still the comment's: its marker holds all eight fingerprints.
    expect(readFingerprints(body)).toHaveLength(8);
  });

  it('the text report gives a line several roots render one line, naming each tool once with its roots', () => {
    const overlay = (root: string, exact = true) =>
      reviewFinding({ file: 'app/base/deployment.yaml', line: 12, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact, snippet: null } });
    const other = reviewFinding({ file: 'app/base/deployment.yaml', line: 12, check: 'hostPorts', rendered: overlay('app/overlays/prod').rendered });
    const text = renderText(
      { findings: [overlay('app/overlays/prod'), other, overlay('app/overlays/staging'), exact, overlay('app/overlays/dev', false)], ignored: [], policyProblems: [], errors: [], podSpecs: [] },
      { enforce: 'baseline:latest', warn: 'restricted:latest' },
      'neutral',
    );
    const lines = text.trimEnd().split('\n');
    // One line per source line, check and wording, and the summary counts the lines: five findings, four to fix.
    expect(lines.map((line) => line.replace(/^.*\[(\w+)\]/, '[$1]'))).toEqual([
      '[privileged] (rendered by kustomize from app/overlays/prod, app/overlays/staging)',
      '[hostPorts] (rendered by kustomize from app/overlays/prod)',
      '[privileged] (rendered by helm from charts/web)',
      '[privileged] (rendered by kustomize from app/overlays/dev, no source line writes it)',
      expect.stringContaining('(4 blocking findings, 0 warnings)'),
    ]);
    expect(lines[0]).toMatch(/^app\/base\/deployment\.yaml:12: error: Deployment shop\/web \(new\): privileged \(/);
  });

  it('the text report gives a base line overlays render under names of their own one line, naming each workload', () => {
    const overlay = (root: string, namespace: string, name: string) =>
      reviewFinding({ file: 'app/base/deployment.yaml', line: 12, namespace, name, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact: true, snippet: null } });
    const text = renderText(
      { findings: [overlay('app/overlays/dev', 'dev', 'dev-web'), overlay('app/overlays/prod', 'prod', 'prod-web'), overlay('app/overlays/prod-eu', 'prod', 'prod-web')], ignored: [], policyProblems: [], errors: [], podSpecs: [] },
      { enforce: 'baseline:latest', warn: 'restricted:latest' },
      'neutral',
    );
    expect(text.trimEnd().split('\n')).toEqual([
      'app/base/deployment.yaml:12: error: Deployments dev/dev-web, prod/prod-web (new): privileged (container "web" must not set securityContext.privileged=true) [privileged] (rendered by kustomize from app/overlays/dev, app/overlays/prod, app/overlays/prod-eu)',
      'baseline:latest (warn restricted:latest): 0 pod specs checked, 0 violating (1 blocking finding, 0 warnings)',
    ]);
  });

  it("the text report indents a failed rendering's tool output under its first line", () => {
    const failed = { file: 'charts/web/Chart.yaml', line: null, kind: 'render-failed' as const, message: 'charts/web could not be rendered: `helm template web charts/web` failed (exit status 1):\nError: execution error\n(a hint)' };
    const text = renderText({ findings: [], ignored: [], policyProblems: [], errors: [failed], podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' }, 'neutral');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'charts/web/Chart.yaml: error: charts/web could not be rendered: `helm template web charts/web` failed (exit status 1):',
      '  Error: execution error',
      '  (a hint)',
    ]);
  });

  it('every finding in full gives a note that opens an example or a list a whole sentence, not a dangling colon', () => {
    const example = reviewFinding({ ...exact, fix: null, fixNote: 'The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n```yaml\nhostNetwork: false\n```' });
    const options = reviewFinding({ ...exact, check: 'hostPathVolumes', fix: null, fixNote: 'No suggestion: replacing volume "proc" (hostPath) needs a choice only you can make. Options:\n- an emptyDir' });
    const text = checkRunText([example, options], new Set([example]));
    expect(text).toContain('Fix: The rendered manifest would be fixed by this change (an example: edit the template or values that writes it): see the review comment\n');
    expect(text).toContain('Fix: No suggestion: replacing volume "proc" (hostPath) needs a choice only you can make.\n');
    expect(checkRunText([example])).toContain('that writes it): see the JSON report\n');
  });

  it('the check run and the summary give the findings overlays sharing a base make alike one entry, naming every overlay', () => {
    const overlay = (root: string) =>
      reviewFinding({ file: 'app/base/deployment.yaml', line: 12, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact: true, snippet: null } });
    const [prod, staging, dev] = [overlay('app/overlays/prod'), overlay('app/overlays/staging'), overlay('app/overlays/dev')];
    const other = reviewFinding({ ...prod, check: 'hostPorts', reason: 'hostPort', detail: 'container "web" uses hostPort 80' });
    const text = checkRunText([prod!, staging!, other, dev!], new Set([prod!, staging!, dev!, other]));
    const entries = text.split('\n').filter((line) => line.startsWith('- '));
    expect(entries).toEqual(['- ❌ `privileged`: privileged (container "web" must not set securityContext.privileged=true)', '- ❌ `hostPorts`: hostPort (container "web" uses hostPort 80)']);
    expect(text).toContain('new, commented, rendered by kustomize from `app/overlays/prod`, `app/overlays/staging`, `app/overlays/dev`. Fix: no suggestion');
    expect(text).toContain('new, commented, rendered by kustomize from `app/overlays/prod`. Fix: no suggestion');
    const summary = summaryMarkdown({ policy: 'baseline:latest', findings: [prod!, staging!, other, dev!], ignored: [], policyProblems: [], errors: [], podSpecs: 3, unchanged: 0, notices: [] });
    expect(summary).toContain('| new, rendered by kustomize from `app/overlays/prod`, `app/overlays/staging`, `app/overlays/dev` |');
    // Past three overlays the row counts the others (Intel's GPU plugin base: seven, on every row); the details name them all.
    const qa = overlay('app/overlays/qa');
    const four = summaryMarkdown({ policy: 'baseline:latest', findings: [prod!, staging!, dev!, qa], ignored: [], policyProblems: [], errors: [], podSpecs: 4, unchanged: 0, notices: [] });
    expect(four).toContain('| new, rendered by kustomize from `app/overlays/prod`, `app/overlays/staging`, `app/overlays/dev` and 1 more root |');
    expect(checkRunText([prod!, staging!, dev!, qa])).toContain('new, rendered by kustomize from `app/overlays/prod`, `app/overlays/staging`, `app/overlays/dev`, `app/overlays/qa`. Fix:');
    // A plain file's findings are each an entry of their own, as before.
    const plain = reviewFinding({ fix: null, fixNote: 'No suggestion: a reason.' });
    expect(checkRunText([plain, reviewFinding({ ...plain, check: 'hostPorts' })]).split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
  });

  it('the check run and the summary give a base line overlays render under names of their own one heading and one row, naming each workload', () => {
    const overlay = (root: string, namespace: string) =>
      reviewFinding({ file: 'app/base/deployment.yaml', line: 12, namespace, rendered: { tool: 'kustomize', root, sourceFile: 'app/base/deployment.yaml', sourceLine: 12, exact: true, snippet: null } });
    const [dev, prod] = [overlay('app/overlays/dev', 'dev'), overlay('app/overlays/prod', 'prod')];
    const text = checkRunText([dev, prod], new Set([dev, prod]));
    expect(text.split('\n').filter((line) => line.startsWith('#### '))).toEqual(['#### `app/base/deployment.yaml:12` Deployments dev/web, prod/web']);
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(1);
    const summary = summaryMarkdown({ policy: 'baseline:latest', findings: [dev, prod], ignored: [], policyProblems: [], errors: [], podSpecs: 2, unchanged: 0, notices: [] });
    expect(summary.split('\n').filter((line) => line.startsWith('| [') || line.startsWith('| `'))).toEqual([
      '| `app/base/deployment.yaml:12` | Deployments dev/web, prod/web | ❌ privileged container | new, rendered by kustomize from `app/overlays/dev`, `app/overlays/prod` |',
    ]);
    expect(summary).toContain('❌ **1** blocking');
  });

  it('JSON carries rendered without the snippet, with the lines the review may place it on; SARIF names the root', () => {
    const json = JSON.parse(renderJson({ findings: [uncertain], ignored: [], policyProblems: [], errors: [], podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' })) as { findings: { rendered: unknown }[] };
    expect(json.findings[0]!.rendered).toEqual({ tool: 'helm', root: 'charts/web', sourceFile: 'charts/web/Chart.yaml', sourceLine: 1, exact: false });
    // The other lines the review may place a finding on are the JSON's too (a tool placing its own comments needs them).
    const placed = reviewFinding({
      ...exact,
      rendered: {
        ...exact.rendered!,
        label: 'charts/web (Application web-prod)',
        application: 'apps/web-prod.yaml',
        applicationLine: 16,
        changeLine: { file: 'clusters/eu/config.json', line: 2 },
        values: { file: 'charts/web/values-prod.yaml', line: 3 },
      },
    });
    const placedJson = JSON.parse(renderJson({ findings: [placed], ignored: [], policyProblems: [], errors: [], podSpecs: [] }, { enforce: 'baseline:latest', warn: 'restricted:latest' })) as { findings: { rendered: unknown }[] };
    expect(placedJson.findings[0]!.rendered).toEqual({
      tool: 'helm',
      root: 'charts/web',
      sourceFile: 'charts/web/values.yaml',
      sourceLine: 9,
      exact: true,
      rendering: 'charts/web (Application web-prod)',
      application: 'apps/web-prod.yaml',
      applicationLine: 16,
      changeLine: { file: 'clusters/eu/config.json', line: 2 },
      values: { file: 'charts/web/values-prod.yaml', line: 3 },
    });
    const sarif = JSON.parse(renderSarif([exact], [], '0.0.0')) as { runs: { results: { message: { text: string }; properties?: unknown }[] }[] };
    expect(sarif.runs[0]!.results[0]!.message.text).toContain('rendered by helm from charts/web');
    expect(sarif.runs[0]!.results[0]!.properties).toEqual({ rendered: { tool: 'helm', root: 'charts/web', exact: true } });
  });

  it('a verified fix of one line outside the diff names the line to change; one of several lines is `fix`\'s to apply', () => {
    const outside = reviewFinding({ ...exact, fix: { startLine: 9, endLine: 9, replacement: 'hostNetwork: false\n', attachable: false } });
    const body = commentBody([outside], null);
    expect(body).toContain("**No suggestion:** the fix changes lines outside this pull request's diff; change line 9 of `charts/web/values.yaml` to `hostNetwork: false`.");
    expect(body).not.toContain('pod-security-review fix');
    const text = checkRunText([outside]);
    expect(text).toContain('Fix: a verified fix exists: change line 9 of `charts/web/values.yaml` to `hostNetwork: false`');
    expect(text).not.toContain('pod-security-review fix');
    // A fix that takes the line out says so (the empty replacement is no code to show).
    const removed = reviewFinding({ ...exact, fix: { startLine: 9, endLine: 9, replacement: '', attachable: false } });
    expect(checkRunText([removed])).toContain('Fix: a verified fix exists: delete line 9 of `charts/web/values.yaml`\n');
    // A plain manifest's fix is still `fix`'s to apply.
    const plain = reviewFinding({ file: 'deploy/web.yaml', line: 9, fix: { startLine: 9, endLine: 9, replacement: 'hostNetwork: false\n', attachable: false } });
    expect(commentBody([plain], null)).toContain('`pod-security-review fix deploy/web.yaml` applies it.');
    // Lines a base's container lacks, written after one of its lines: folded into one, they would be unreadable.
    const added = reviewFinding({ ...exact, fix: { startLine: 9, endLine: 9, replacement: 'image: web:1\nsecurityContext:\n  runAsNonRoot: true\n', attachable: false } });
    // `fix` renders the chart when given its folder (a values file alone is read as a plain file).
    expect(commentBody([added], null)).toContain("**No suggestion:** the fix changes lines outside this pull request's diff; `pod-security-review fix charts/web` applies it.");
    expect(checkRunText([added])).toContain('Fix: a verified fix exists: `pod-security-review fix charts/web`');
    // With the Argo CD Application it rendered for, and a values file outside the chart's folder.
    const rendered = { ...exact.rendered!, application: 'apps/web-prod.yaml' };
    const outsideChart = reviewFinding({ ...added, file: 'envs/prod-values.yaml', rendered: { ...rendered, sourceFile: 'envs/prod-values.yaml' } });
    expect(checkRunText([outsideChart])).toContain('`pod-security-review fix charts/web apps/web-prod.yaml envs/prod-values.yaml`');
    expect(checkRunText([reviewFinding({ ...added, rendered })])).toContain('`pod-security-review fix charts/web apps/web-prod.yaml`');
    // Findings of one comment whose fixes lie in several files: one command for them all, each path once.
    const overlay = { tool: 'kustomize' as const, root: 'config/lab', exact: true, snippet: null };
    const controller = reviewFinding({ file: 'config/controllers/controller.yaml', line: 62, rendered: { ...overlay, sourceFile: 'config/controllers/controller.yaml', sourceLine: 62 }, fix: { startLine: 62, endLine: 62, replacement: 'a: 1\nb: 2\n', attachable: false } });
    const speaker = reviewFinding({ ...controller, file: 'config/controllers/speaker.yaml', check: 'hostNamespaces', rendered: { ...overlay, sourceFile: 'config/controllers/speaker.yaml', sourceLine: 62 } });
    expect(commentBody([controller, speaker, { ...speaker, check: 'hostPorts' }], null)).toContain(
      "the fix changes lines outside this pull request's diff; `pod-security-review fix config/controllers/controller.yaml config/controllers/speaker.yaml` applies them.",
    );
  });
});
