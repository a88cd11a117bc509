import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../src/diff/lines.js';
import { parseFilePatch } from '../../../src/diff/parse.js';
import { annotationsOf, checkRunOutput, conclusionOf, inBatches, maxOutputBytes, titleOf } from '../../../src/report/checkRun.js';
import { commentBody, fenceFor, holdsSuggestion, suggestionBlock } from '../../../src/report/commentBody.js';
import { inJsonStream, notUtf8, volumeNote } from '../../../src/fixes/notes.js';
import { nonRootCaveat } from '../../../src/fixes/fixers/runAsNonRoot.js';
import { verificationsSpent } from '../../../src/render/verify.js';
import { fingerprint, fingerprintMarker, legacyFingerprint, readFingerprint, readFingerprints } from '../../../src/report/fingerprint.js';
import { planReview } from '../../../src/report/reviewPlan.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { truncateChars, truncateUtf8, utf8Length } from '../../../src/report/truncate.js';
import { reviewFinding } from '../../helpers/findings.js';
import { problemSeverity } from '../../../src/findings/unchecked.js';
import type { UncheckedPolicy } from '../../../src/findings/unchecked.js';
import type { LoadProblem } from '../../../src/manifests/types.js';

describe('truncation', () => {
  it('cuts by UTF-8 bytes without splitting a character', () => {
    const text = 'é'.repeat(100); // 200 bytes
    const cut = truncateUtf8(text, 51, '…');
    expect(utf8Length(cut)).toBeLessThanOrEqual(51);
    expect(cut).toBe(`${'é'.repeat(24)}…`);
    expect(truncateUtf8('short', 10)).toBe('short');
  });

  it('cuts by code points', () => {
    expect(truncateChars('😀'.repeat(10), 5, '!')).toBe('😀😀😀😀!');
  });
});

describe('fingerprints', () => {
  it('depend on what the finding is about, not on its lines', () => {
    const a = reviewFinding({ line: 20 });
    const b = reviewFinding({ line: 99, detail: 'other text' });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(reviewFinding({ check: 'hostPorts' })));
    expect(fingerprint(a)).not.toBe(fingerprint(reviewFinding({ containers: ['web', 'sidecar'] })));
  });

  it('are read back from a comment body', () => {
    const id = fingerprint(reviewFinding());
    expect(readFingerprint(`text\n${fingerprintMarker(id)}`)).toBe(id);
    expect(readFingerprint('a human comment')).toBeNull();
  });
});

describe('comment bodies', () => {
  it('size the fence past any backtick run in the content', () => {
    expect(fenceFor('a: b')).toBe('```');
    expect(fenceFor('x\n```\ny')).toBe('````');
    expect(fenceFor('  `````')).toBe('``````');
  });

  it('open with the severity as an alert and a headline, one bullet per check, the suggestion, a caution, one marker', () => {
    const fix = { startLine: 19, endLine: 20, replacement: '        securityContext:\r\n          privileged: false\n', attachable: true };
    const findings = [reviewFinding({ fix }), reviewFinding({ check: 'allowPrivilegeEscalation', reason: 'allowPrivilegeEscalation != false', detail: 'container "web" must set securityContext.allowPrivilegeEscalation=false', level: 'restricted', mode: 'warn', blocking: false, fix })];
    const body = commentBody(findings, fix);
    expect(body).toMatch(/^> \[!CAUTION\]\n> \*\*Container `web`: 2 \[checks\]\(https:\/\/github\.com\/pod-security-review\/pod-security-review#the-checks\) fail\*\* \(1 blocking\)\n\n/);
    // The suggestion shows which field to set: upstream's short reason is enough.
    expect(body).toContain('\n- privileged (blocking)\n- allowPrivilegeEscalation != false\n\n');
    expect(body).toContain('```suggestion\n        securityContext:\n          privileged: false\n```\n**Caution:** the container loses device and kernel access.');
    // The level came from an input, not the default: said, collapsed.
    expect(body).toContain('<details><summary>Where the level comes from</summary>\n\nDeployment `shop/web` (new): `baseline:latest`, the enforced level, from the level input.');
    expect(body.match(/<!-- pod-security-review:/g)).toHaveLength(1);
    expect(readFingerprints(body)).toEqual(findings.map((f) => fingerprint(f)));
  });

  it('say a problem that fails at two levels once: one bullet, counted once, its caution once (procMount and procMount_restricted)', () => {
    const fix = { startLine: 15, endLine: 15, replacement: '        securityContext: {privileged: false, procMount: Default}\n', attachable: true };
    const procMount = { reason: 'procMount', detail: 'container "web" must not set securityContext.procMount to "Unmasked"', fix } as const;
    const findings = [
      reviewFinding({ fix }),
      reviewFinding({ check: 'procMount', ...procMount }),
      reviewFinding({ check: 'procMount_restricted', ...procMount, level: 'restricted', mode: 'warn', blocking: false }),
    ];
    const body = commentBody(findings, fix);
    // Two problems, both blocking: the warn level's procMount is the baseline's, said with it.
    expect(body).toMatch(/^> \[!CAUTION\]\n> \*\*Container `web`: 2 \[checks\]\([^)]*\) fail\*\* \(blocking\)\n\n- privileged\n- procMount\n\n/);
    expect(body).toContain('**Caution:** the container loses device and kernel access; /proc is masked again (a nested container runtime needs it unmasked).');
    // Each finding keeps its fingerprint.
    expect(readFingerprints(body)).toEqual(findings.map((f) => fingerprint(f)));
  });

  it("say runAsNonRoot's caution only with its fixer's caveat: none when every container already runs as a non-zero user", () => {
    const fix = { startLine: 16, endLine: 16, replacement: '      securityContext:\n        runAsNonRoot: true\n', attachable: true };
    const finding = reviewFinding({ check: 'runAsNonRoot', reason: 'runAsNonRoot != true', detail: 'pod or container "web" must set securityContext.runAsNonRoot=true', fix, fixNote: nonRootCaveat });
    expect(commentBody([finding], fix)).toContain('**Caution:** the image must run as a non-root user');
    expect(commentBody([{ ...finding, fixNote: null }], fix)).not.toContain('Caution');
  });

  it('say a caution where a baseline fix undoes an opt-out written on purpose, not where restricted adds what was never set', () => {
    // openfaas' pro-builder: buildkit's rootless container runs Unconfined, which the baseline fix makes RuntimeDefault.
    const fix = { startLine: 181, endLine: 181, replacement: '            type: RuntimeDefault\n', attachable: true };
    const unconfined = { reason: 'seccompProfile', detail: 'container "buildkit" must not set securityContext.seccompProfile.type to "Unconfined"', fix };
    const both = [reviewFinding({ ...unconfined, check: 'seccompProfile_baseline' }), reviewFinding({ ...unconfined, check: 'seccompProfile_restricted', level: 'restricted', mode: 'warn', blocking: false })];
    expect(commentBody(both, fix)).toContain("```\n**Caution:** system calls the runtime's default seccomp profile blocks fail.");
    const unset = { ...unconfined, detail: 'pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"' };
    expect(commentBody([reviewFinding({ ...unset, check: 'seccompProfile_restricted', level: 'restricted', mode: 'warn', blocking: false })], fix)).not.toContain('Caution');
  });

  it('keep upstream details that the suggestion does not show', () => {
    const fix = { startLine: 16, endLine: 16, replacement: '      hostNetwork: false\n', attachable: true };
    const body = commentBody([reviewFinding({ check: 'hostNamespaces', reason: 'host namespaces', detail: 'hostNetwork=true', containers: [], container: null, fix, levelSource: { kind: 'default', detail: 'built-in default' } })], fix);
    expect(body).toContain('> **Deployment `shop/web`: [host namespaces](');
    expect(body).toContain('\n- host namespaces (hostNetwork=true)\n');
    expect(body).not.toContain('<details>');
  });

  it('say what an empty suggestion does: it deletes the lines it covers', () => {
    const finding = { check: 'hostPorts', reason: 'hostPort', detail: 'container "web" uses hostPort 8080', levelSource: { kind: 'default', detail: 'built-in default' } } as const;
    const one = { startLine: 16, endLine: 16, replacement: '', attachable: true };
    expect(commentBody([reviewFinding({ ...finding, fix: one })], one)).toContain('```suggestion\n```\nThe suggestion deletes this line.\n');
    const two = { ...one, endLine: 17 };
    expect(commentBody([reviewFinding({ ...finding, fix: two })], two)).toContain('```suggestion\n```\nThe suggestion deletes these 2 lines.\n');
  });

  it('explain once why there is no suggestion, then what to do per check', () => {
    const shared = 'No suggestion: the field to change is shared with another place (it is inside the anchored node &spec).';
    const note = (text: string) => [shared, text, 'Illustrative example, not applicable as-is:\n```yaml\nx: 1\n```'].join('\n\n');
    const body = commentBody(
      [reviewFinding({ fixNote: note('Set privileged to false.') }), reviewFinding({ check: 'runAsNonRoot', reason: 'runAsNonRoot != true', blocking: false, fixNote: note('Set runAsNonRoot.') })],
      null,
    );
    expect(body).not.toContain('```suggestion');
    expect(body.split('the field to change is shared')).toHaveLength(2);
    expect(body).toContain('**What to do:**\n- Set privileged to false.\n- Set runAsNonRoot.');
    // Examples only for a comment about one check.
    expect(body).not.toContain('Illustrative example');
    const single = commentBody([reviewFinding({ fixNote: note('Set privileged to false.') })], null);
    expect(single).toContain('**No suggestion:** the field to change is shared');
    expect(single).toContain('Illustrative example');
  });

  it.each([
    ['a JSON stream', inJsonStream, 'the file holds several JSON objects one after another'],
    ['a file not written in UTF-8', notUtf8, 'the file is not UTF-8 as written'],
  ])('says once why %s gets no suggestion, for every check of the comment', (_name, note, reason) => {
    const body = commentBody(
      [
        reviewFinding({ check: 'privileged', fixNote: note('privileged') }),
        reviewFinding({ check: 'runAsNonRoot', reason: 'runAsNonRoot != true', blocking: false, fixNote: note('runAsNonRoot') }),
      ],
      null,
    );
    expect(body.split(reason)).toHaveLength(2);
    expect(body).toContain(`**No suggestion:** ${reason}`);
    expect(body).toMatch(/\*\*What to do:\*\*\n- Remove `securityContext.privileged`.*\n- Set `securityContext.runAsNonRoot: true`/);
  });

  it('keeps a reason\'s list of options, and a rendered example\'s code block, inside their list items', () => {
    const volumes = [{ name: 'proc', type: 'hostPath' }];
    const body = commentBody(
      [
        reviewFinding({ check: 'hostPathVolumes', fixNote: volumeNote('hostPathVolumes', volumes) }),
        reviewFinding({ check: 'privileged', fixNote: inJsonStream('privileged') }),
      ],
      null,
    );
    // Two reasons: each a top-level item, the volume's options nested under it.
    const reasons = body.slice(body.indexOf('**No suggestion:**'), body.indexOf('**What to do:**')).split('\n').filter((line) => line.startsWith('- '));
    expect(reasons).toEqual(['- replacing volume "proc" (hostPath) needs a choice only you can make. Options:', expect.stringMatching(/^- the file holds several JSON objects/)]);
    expect(body).toContain('Options:\n  - keep the data in the cluster with a volume type the level allows (any volume type other than hostPath)');
    const example = (check: 'allowPrivilegeEscalation' | 'seccompProfile_restricted', yaml: string) =>
      reviewFinding({ check, blocking: false, fixNote: `The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n\`\`\`yaml\n${yaml}\n\`\`\`` });
    const rendered = commentBody([example('allowPrivilegeEscalation', 'allowPrivilegeEscalation: false'), example('seccompProfile_restricted', 'seccompProfile:\n  type: RuntimeDefault')], null);
    expect(rendered).toContain('**What to do:**\n- The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n  ```yaml\n  allowPrivilegeEscalation: false\n  ```\n- The rendered');
  });

  it("cuts a rendered example to the changes about its finding: a fix of the whole pod spec shows the finding's part", () => {
    const seccomp = (container: string) => [`   - name: ${container}`, '+    securityContext:', '+      seccompProfile:', '+        type: RuntimeDefault', '     image: x:1'].join('\n');
    const capabilities = ['       add:', '-      - SYS_ADMIN', '-      - NET_RAW', '       - CHOWN'].join('\n');
    const diff = [seccomp('init'), seccomp('agent'), capabilities, seccomp('trace')].join('\n@@\n');
    const example = `The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n\`\`\`diff\n${diff}\n\`\`\``;
    const finding = reviewFinding({ check: 'capabilities_baseline', fix: null, detail: 'container "probe" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add', fixNote: example });
    const body = commentBody([finding], null);
    expect(body).toContain(`\`\`\`diff\n${capabilities}\n\`\`\`\n_3 more changes of this example (other checks' fixes among them) not shown._`);
    expect(body).not.toContain('seccompProfile');
    // Nothing of the finding's own among the changes: the first that fit in a few lines.
    const other = commentBody([{ ...finding, detail: 'container "probe" must set securityContext.allowPrivilegeEscalation=false' }], null);
    expect(other).toContain(`\`\`\`diff\n${seccomp('init')}\n@@\n${seccomp('agent')}\n@@\n${capabilities}\n\`\`\`\n_1 more change of this example`);
    // A short example stays whole.
    expect(commentBody([{ ...finding, fixNote: example.replace(diff, capabilities) }], null)).toContain(`\`\`\`diff\n${capabilities}\n\`\`\`\n`);
    // The one fix of two checks of the comment (csi-driver-nfs' node DaemonSet): one example, with the changes of both.
    const seccompFinding = reviewFinding({ check: 'seccompProfile_restricted', blocking: false, fix: null, detail: 'pod or container "trace" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"', fixNote: example });
    const both = commentBody([finding, seccompFinding], null);
    expect(both.split('The rendered manifest would be fixed')).toHaveLength(2);
    // A list item of "What to do", its lines indented under it.
    const shown = `\`\`\`diff\n${seccomp('init')}\n@@\n${seccomp('agent')}\n@@\n${capabilities}\n\`\`\`\n_1 more change of this example`;
    expect(both).toContain(shown.split('\n').join('\n  '));
  });

  it('says a fix not computed (a budget ran out) as the reason there is no suggestion, before what the finding had', () => {
    const spent = `${verificationsSpent('overlays/prod', 24)}\n\nThe rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n\`\`\`diff\n+  privileged: false\n\`\`\``;
    const body = commentBody([reviewFinding({ fix: null, fixNote: spent })], null);
    expect(body).toContain('**No suggestion:** verifying its suggestion would render `overlays/prod` more than 24 times, the limit for one rendering in a run; the finding itself is complete.');
    expect(body).not.toContain('not computed:');
    expect(body).toContain('The rendered manifest would be fixed by this change');
  });

  it("says whose a reason is when another check of the comment has a rendered example (DataDog's capabilities)", () => {
    const overlap = reviewFinding({ check: 'capabilities_baseline', reason: 'non-default capabilities', fix: null, fixNote: 'No safe mechanical fix was found: two edits of the fix would overlap in the text. Drop every capability.' });
    const example = reviewFinding({ check: 'capabilities_restricted', reason: 'unrestricted capabilities', blocking: false, fix: null, fixNote: 'The rendered manifest would be fixed by this change (an example: edit the template or values that writes it):\n```diff\n+  drop: [ALL]\n```' });
    expect(commentBody([overlap, example], null)).toContain('**No suggestion:** non-default capabilities: no safe mechanical fix was found: two edits of the fix would overlap in the text. Drop every capability.\n\n**What to do:**\n- The rendered manifest');
    // Alone, the reason is the comment's.
    expect(commentBody([overlap], null)).toContain('**No suggestion:** No safe mechanical fix was found: two edits');
  });

  it('counts many volumes of one type in the note, which the message beside it names each of', () => {
    const volumes = ['boot', 'sys', 'lib', 'dev'].map((name) => ({ name, type: 'hostPath' }));
    expect(volumeNote('hostPathVolumes', volumes)).toMatch(/^No suggestion: replacing the 4 hostPath volumes needs a choice only you can make\./);
    expect(volumeNote('restrictedVolumes', [...volumes.slice(0, 3), { name: 'share', type: 'nfs' }])).toMatch(/^No suggestion: replacing volumes "boot" \(hostPath\), "sys" \(hostPath\), "lib" \(hostPath\), "share" \(nfs\) needs/);
  });

  it('gives a hostPath volume that fails both volume checks the options of the stricter, once', () => {
    const volumes = [{ name: 'proc', type: 'hostPath' }];
    const body = commentBody(
      [
        reviewFinding({ check: 'hostPathVolumes', fixNote: volumeNote('hostPathVolumes', volumes) }),
        reviewFinding({ check: 'restrictedVolumes', blocking: false, fixNote: volumeNote('restrictedVolumes', volumes) }),
      ],
      null,
    );
    expect(body.split('needs a choice only you can make')).toHaveLength(2);
    expect(body).toContain('**No suggestion:** replacing volume "proc" (hostPath) needs a choice only you can make. Options:\n- keep the data in the cluster with a volume type the level allows (configMap, csi,');
    expect(body).not.toContain('any volume type other than hostPath');
  });

  it('reads fingerprints from one marker and from legacy ones', () => {
    const f = reviewFinding();
    expect(readFingerprints(`x\n${fingerprintMarker([fingerprint(f), 'abc'])}`)).toEqual([fingerprint(f), 'abc']);
    expect(readFingerprints(`<!-- pod-security-review:${legacyFingerprint(f)} -->\n<!-- pod-security-review:def -->`)).toEqual([legacyFingerprint(f), 'def']);
  });

  it('builds a suggestion block from a replacement', () => {
    expect(suggestionBlock({ startLine: 1, endLine: 1, replacement: 'a: ```\n', attachable: true })).toBe('````suggestion\na: ```\n````');
  });
});

describe('planReview', () => {
  const lines = diffLines(parseFilePatch('@@ -15,6 +15,8 @@\n a\n b\n c\n+d\n+e\n f\n g\n h'));
  const linesOf = () => lines;

  it('anchors a finding on its line in the diff, or on its attachable suggestion range', () => {
    const plain = reviewFinding();
    const withFix = reviewFinding({
      check: 'hostPorts',
      line: 18,
      locations: [{ path: 'p', line: 18, column: 1, exact: true, container: 'web', inDiff: true }],
      fix: { startLine: 17, endLine: 19, replacement: 'x', attachable: true },
    });
    const plan = planReview([plain, withFix], linesOf, [], 30);
    expect(plan.comments.map((c) => [c.line, c.startLine])).toEqual([
      [19, 17],
      [20, null],
    ]);
    expect(plan.comments[0]!.body).toContain('```suggestion');
  });

  it('sends findings outside the diff to the summary', () => {
    const outside = reviewFinding({ line: 40, locations: [{ path: 'p', line: 40, column: 1, exact: true, container: null, inDiff: false }] });
    const plan = planReview([outside], linesOf, [], 30);
    expect(plan.comments).toEqual([]);
    expect(plan.outsideDiff).toEqual([outside]);
  });

  it("comments a finding of a chart rendered for an Application on the Application's chart line when no line of the diff writes it, unless it failed before", () => {
    const rendered = { tool: 'helm' as const, root: 'charts/web', application: 'apps/web.yaml', applicationLine: 16, sourceFile: 'charts/web/templates/deployment.yaml', sourceLine: 12, exact: true, snippet: null };
    const written = { file: 'charts/web/templates/deployment.yaml', line: 12, locations: [{ path: 'spec.template.spec.hostNetwork', line: 12, column: 1, exact: true, container: null, inDiff: false }], rendered };
    const ofTheChange = reviewFinding({ ...written, check: 'hostNamespaces' });
    const fromBefore = reviewFinding({ ...written, preexisting: true });
    const linesOfFile = (path: string) => (path === 'apps/web.yaml' ? lines : diffLines(parseFilePatch('@@ -1,1 +1,1 @@\n-a\n+b')));
    const plan = planReview([ofTheChange, fromBefore], linesOfFile, [], 30);
    expect(plan.comments.map((c) => [c.path, c.line, c.findings.length])).toEqual([['apps/web.yaml', 16, 1]]);
    expect(plan.comments[0]!.body).toContain('Its line in the chart: `charts/web/templates/deployment.yaml` line 12.');
    expect(plan.outsideDiff).toEqual([fromBefore]);
    // The values line that gives the template its value, when the change left it as it was, is named too.
    const fromValues = reviewFinding({ ...written, check: 'hostNamespaces', rendered: { ...rendered, values: { file: 'charts/web/values-prod.yaml', line: 3 } } });
    expect(planReview([fromValues], linesOfFile, [], 30).comments[0]!.body).toContain(
      'Its line in the chart: `charts/web/templates/deployment.yaml` line 12 (the value from `charts/web/values-prod.yaml` line 3).',
    );
    // Not on a line the diff does not show.
    expect(planReview([reviewFinding({ ...written, rendered: { ...rendered, applicationLine: 40 } })], linesOfFile, [], 30).comments).toEqual([]);
  });

  it("comments a finding of an ApplicationSet's Application on the line the change added to the file its parameters came from, when the set's lines are not in the diff", () => {
    const rendered = { tool: 'helm' as const, root: 'charts/web', application: 'apps/clusters.yaml', applicationLine: 16, changeLine: { file: 'clusters/eu/config.json', line: 2 }, sourceFile: 'charts/web/templates/deployment.yaml', sourceLine: 12, exact: true, snippet: null };
    const written = { file: 'charts/web/templates/deployment.yaml', line: 12, locations: [{ path: 'spec.template.spec.hostNetwork', line: 12, column: 1, exact: true, container: null, inDiff: false }], rendered };
    const config = diffLines(parseFilePatch('@@ -1,3 +1,3 @@\n {\n-  "env": "dev",\n+  "env": "prod",\n   "cluster": {"namespace": "shop-eu"}'));
    const none = diffLines(null);
    const linesOfFile = (path: string) => (path === 'clusters/eu/config.json' ? config : none);
    const plan = planReview([reviewFinding({ ...written, check: 'hostNamespaces' }), reviewFinding({ ...written, preexisting: true })], linesOfFile, [], 30);
    expect(plan.comments.map((c) => [c.path, c.line, c.findings.length])).toEqual([['clusters/eu/config.json', 2, 1]]);
    expect(plan.comments[0]!.body).toContain('Its line in the chart: `charts/web/templates/deployment.yaml` line 12.');
    // The set's own line, when the diff shows it, comes first.
    const setToo = (path: string) => (path === 'apps/clusters.yaml' ? lines : linesOfFile(path));
    expect(planReview([reviewFinding({ ...written, check: 'hostNamespaces' })], setToo, [], 30).comments.map((c) => [c.path, c.line])).toEqual([['apps/clusters.yaml', 16]]);
  });

  it('comments a new finding of a chart or overlay of its own, on a line outside the diff, on the line the change added to what it renders from, naming its own line', () => {
    // values.yaml line 1 turned a switch on (in the diff); the value the finding reads is line 14 (not in it).
    const values = diffLines(parseFilePatch('@@ -1,3 +1,3 @@\n-debug: false\n+debug: true\n image: web:1\n # note 1'));
    const linesOfFile = (path: string) => (path === 'charts/web/values.yaml' ? values : diffLines(null));
    const rendered = { tool: 'helm' as const, root: 'charts/web', changeLine: { file: 'charts/web/values.yaml', line: 1 }, sourceFile: 'charts/web/values.yaml', sourceLine: 14, exact: true, snippet: null };
    const written = { file: 'charts/web/values.yaml', line: 14, locations: [{ path: 'spec.containers[0].securityContext.privileged', line: 14, column: 15, exact: true, container: 'web', inDiff: false }], rendered };
    const plan = planReview([reviewFinding({ ...written, check: 'privileged' }), reviewFinding({ ...written, check: 'hostNamespaces', preexisting: true })], linesOfFile, [], 30);
    expect(plan.comments.map((c) => [c.path, c.line, c.findings.map((f) => f.check)])).toEqual([['charts/web/values.yaml', 1, ['privileged']]]);
    expect(plan.comments[0]!.body).toContain('Its line in the chart: `charts/web/values.yaml` line 14.');
    expect(plan.outsideDiff.map((f) => f.check)).toEqual(['hostNamespaces']);
    // An overlay's finding says so.
    const overlay = { ...written, file: 'base/pod.yaml', rendered: { ...rendered, tool: 'kustomize' as const, root: 'overlays/debug', changeLine: { file: 'overlays/debug/kustomization.yaml', line: 3 }, sourceFile: 'base/pod.yaml' } };
    const kustomization = diffLines(parseFilePatch('@@ -1,2 +1,3 @@\n resources:\n - ../../base\n+namespace: debug'));
    const overlayPlan = planReview([reviewFinding({ ...overlay, check: 'privileged' })], (path) => (path === 'overlays/debug/kustomization.yaml' ? kustomization : diffLines(null)), [], 30);
    expect(overlayPlan.comments.map((c) => [c.path, c.line])).toEqual([['overlays/debug/kustomization.yaml', 3]]);
    expect(overlayPlan.comments[0]!.body).toContain('Its line in the overlay: `base/pod.yaml` line 14.');
    // A comment on the finding's own line names no other.
    const own = planReview([reviewFinding({ ...written, check: 'privileged', locations: [{ ...written.locations[0]!, line: 2, inDiff: true }], line: 2 })], linesOfFile, [], 30);
    expect(own.comments.map((c) => [c.path, c.line])).toEqual([['charts/web/values.yaml', 2]]);
    expect(own.comments[0]!.body).not.toContain('Its line in');
  });

  it("comments an old warning only on a line the change added: on the hunk's context lines it stays in the summary", () => {
    // mattermost, csi-driver-nfs: a restricted warning the modified pod spec already had was commented on a context line.
    const at = (line: number) => ({ line, locations: [{ path: 'p', line, column: 1, exact: true, container: 'web', inDiff: true }] });
    const oldWarning = { check: 'runAsNonRoot' as const, preexisting: true, mode: 'warn' as const, level: 'restricted' as const, blocking: false };
    const onContext = reviewFinding({ ...oldWarning, ...at(16) });
    const onAdded = reviewFinding({ ...oldWarning, check: 'seccompProfile_restricted', ...at(19) });
    const suggestedOnContext = reviewFinding({ ...oldWarning, check: 'allowPrivilegeEscalation', ...at(16), fix: { startLine: 15, endLine: 17, replacement: 'x', attachable: true } });
    const suggestedAcrossAdded = reviewFinding({ ...oldWarning, check: 'capabilities_restricted', ...at(16), fix: { startLine: 17, endLine: 18, replacement: 'y', attachable: true } });
    // An old violation of the enforced level fails the check: it keeps its comment on a context line, as a new warning does.
    const oldEnforced = reviewFinding({ check: 'hostNamespaces', preexisting: true, ...at(16) });
    const newWarning = reviewFinding({ ...oldWarning, check: 'runAsUser', preexisting: false, ...at(17) });
    // contour's envoy: the `securityContext:` line the change added is where the old warning's missing fields belong, not its field.
    const missingUnderAdded = reviewFinding({ ...oldWarning, check: 'procMount_restricted', line: 18, locations: [{ path: 'p', line: 18, column: 1, exact: false, container: 'web', inDiff: true }] });
    const plan = planReview([onContext, onAdded, suggestedOnContext, suggestedAcrossAdded, oldEnforced, newWarning, missingUnderAdded], linesOf, [], 30);
    expect(plan.comments.map((c) => [c.line, c.findings.map((f) => f.check)]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [16, ['hostNamespaces']],
      [17, ['runAsUser']],
      [18, ['capabilities_restricted']],
      [19, ['seccompProfile_restricted']],
    ]);
    expect(plan.outsideDiff.map((f) => f.check)).toEqual(['runAsNonRoot', 'allowPrivilegeEscalation', 'procMount_restricted']);
  });

  it('never trusts a suggestion range that crosses the hunks', () => {
    const finding = reviewFinding({ fix: { startLine: 20, endLine: 30, replacement: 'x', attachable: true } });
    const plan = planReview([finding], linesOf, [], 30);
    expect(plan.comments.map((c) => [c.line, c.startLine])).toEqual([[20, null]]);
    expect(plan.comments[0]!.body).not.toContain('```suggestion');
  });

  it('groups findings that share an anchor into one comment', () => {
    const fix = { startLine: 18, endLine: 20, replacement: 'x', attachable: true };
    const plan = planReview([reviewFinding({ fix }), reviewFinding({ check: 'capabilities_restricted', fix })], linesOf, [], 30);
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.findings).toHaveLength(2);
  });

  it("gives a finding its suggestion's comment of its own beside findings on the same line that the suggestion does not fix", () => {
    // ingress-nginx: `allowPrivilegeEscalation: true` on the first line the change wrote in values.yaml, where a hostPort
    // finding whose own line the diff does not show is commented too. One comment would have no suggestion, and a wrong reason.
    const fix = { startLine: 18, endLine: 18, replacement: '  allowPrivilegeEscalation: false\n', attachable: true };
    const suggested = reviewFinding({ check: 'allowPrivilegeEscalation', line: 18, fix, locations: [{ path: 'p', line: 18, column: 1, exact: true, container: 'web', inDiff: true }] });
    const unfixed = reviewFinding({ check: 'hostPorts', line: 18, fix: null, locations: [{ path: 'p', line: 18, column: 1, exact: true, container: 'web', inDiff: true }] });
    const other = { ...fix, replacement: '  privileged: false\n' };
    const differently = reviewFinding({ check: 'privileged', line: 18, fix: other, locations: [{ path: 'p', line: 18, column: 1, exact: true, container: 'web', inDiff: true }] });
    const plan = planReview([unfixed, suggested, differently], linesOf, [], 30);
    expect(plan.comments.map((c) => [c.line, c.findings.map((f) => f.check)])).toEqual([
      [18, ['hostPorts']],
      [18, ['allowPrivilegeEscalation']],
      [18, ['privileged']],
    ]);
    expect(plan.comments[0]!.body).not.toContain("outside this pull request's diff");
    expect(plan.comments[1]!.body).toContain('```suggestion\n  allowPrivilegeEscalation: false\n```');
  });

  it('posts nothing already posted, caps new comments with blocking first, and finds fixed threads', () => {
    const old = reviewFinding({ check: 'hostNamespaces' });
    const warning = reviewFinding({ check: 'runAsNonRoot', blocking: false, line: 16, locations: [{ path: 'p', line: 16, column: 1, exact: false, container: 'web', inDiff: true }] });
    const blocking = reviewFinding();
    const existing = [
      { commentId: 1, threadId: 'T1', resolved: false, fingerprints: [fingerprint(old)], markedFixed: false, commitId: 'previous-head', suggests: false },
      { commentId: 2, threadId: 'T2', resolved: false, fingerprints: ['gone'], markedFixed: false, commitId: 'previous-head', suggests: false },
      { commentId: 3, threadId: 'T3', resolved: true, fingerprints: ['gone-too'], markedFixed: false, commitId: null, suggests: false },
    ];
    const plan = planReview([old, warning, blocking], linesOf, existing, 1, 'head');
    expect(plan.alreadyCommented).toEqual([old]);
    expect(plan.comments.map((c) => c.findings[0]!.check)).toEqual(['privileged']);
    expect(plan.overflow).toEqual([warning]);
    expect(plan.fixed.map((c) => c.commentId)).toEqual([2]);
  });

  it('comments once more on a finding commented on without a suggestion that now has one, and never again after', () => {
    // bitnami's nginx: the first push turned `containerSecurityContext.enabled` off, the next one back on; the
    // capabilities finding could only show an example, and now its fix is a line of the values.
    const suggestion = { startLine: 19, endLine: 19, replacement: '', attachable: true };
    const before = reviewFinding({ check: 'capabilities_restricted' });
    const now = { ...before, fix: suggestion };
    const example = { commentId: 1, threadId: 'T1', resolved: false, fingerprints: [fingerprint(before)], markedFixed: false, commitId: 'previous-head', suggests: false };
    const pushed = planReview([now], linesOf, [example], 30, 'head');
    expect(pushed.comments.map((c) => c.findings)).toEqual([[now]]);
    expect(holdsSuggestion(pushed.comments[0]!.body)).toBe(true);
    // Its comment with the suggestion is posted: the next push says nothing more, nor while it has no suggestion.
    const withSuggestion = { ...example, commentId: 2, threadId: 'T2', suggests: holdsSuggestion(pushed.comments[0]!.body) };
    expect(planReview([now], linesOf, [example, withSuggestion], 30, 'next-head').alreadyCommented).toEqual([now]);
    expect(planReview([before], linesOf, [example], 30, 'next-head').alreadyCommented).toEqual([before]);
    expect(holdsSuggestion(commentBody([before], null))).toBe(false);
  });

  it('comments nothing more on a head an earlier run already commented on (a re-run)', () => {
    const old = reviewFinding({ check: 'hostNamespaces' });
    const left = reviewFinding();
    const existing = [{ commentId: 1, threadId: 'T1', resolved: false, fingerprints: [fingerprint(old)], markedFixed: false, commitId: 'head', suggests: false }];
    const rerun = planReview([old, left], linesOf, existing, 30, 'head');
    expect(rerun.comments).toEqual([]);
    expect(rerun.overflow).toEqual([left]);
    expect(rerun.alreadyCommented).toEqual([old]);
    // After a push, the finding the cap left out gets its comment.
    const pushed = planReview([old, left], linesOf, existing, 30, 'next-head');
    expect(pushed.comments.map((c) => c.findings)).toEqual([[left]]);
  });
});

describe('check run output', () => {
  const base = { policy: 'baseline:latest', errors: [], ignored: [], policyProblems: [], podSpecs: 1, unchanged: 0, notices: [] };

  it('fails on blocking findings, is neutral in warn mode, and succeeds otherwise', () => {
    expect(conclusionOf([reviewFinding()], [], 'enforce')).toBe('failure');
    expect(conclusionOf([reviewFinding()], [], 'warn')).toBe('neutral');
    expect(conclusionOf([reviewFinding({ blocking: false })], [], 'enforce')).toBe('success');
    expect(conclusionOf([], [{ file: 'a', line: 1, kind: 'malformed', message: 'x' }], 'enforce')).toBe('failure');
  });

  it('is never green because of a file that was not checked: neutral by default, as the unchecked setting says', () => {
    const notChecked = (kind: 'template' | 'too-large' | 'binary' | 'unreadable') => [{ file: 'a', line: 1, kind, message: 'x' }];
    for (const kind of ['template', 'too-large', 'binary', 'unreadable'] as const) {
      expect(conclusionOf([], notChecked(kind), 'enforce')).toBe('neutral');
      expect(conclusionOf([], notChecked(kind), 'enforce', 'failure')).toBe('failure');
      expect(conclusionOf([], notChecked(kind), 'enforce', 'success')).toBe('success');
    }
    // A strict gate still follows warn mode, and a blocking finding still fails whatever the setting.
    expect(conclusionOf([], notChecked('template'), 'warn', 'failure')).toBe('neutral');
    expect(conclusionOf([reviewFinding()], notChecked('template'), 'enforce', 'success')).toBe('failure');
  });

  it('titles with counts', () => {
    expect(titleOf([], [])).toBe('No Pod Security violations');
    expect(titleOf([reviewFinding(), reviewFinding({ blocking: false })], [{ file: 'a', line: 1, kind: 'malformed', message: 'x' }])).toBe(
      '1 blocking violation, 1 warning, 1 invalid file',
    );
  });

  it('says when a file was not checked, and when nothing was', () => {
    const template = { file: 'chart/templates/a.yaml', line: 4, kind: 'template' as const, message: 'x' };
    const big = { file: 'big.yaml', line: null, kind: 'too-large' as const, message: 'x' };
    expect(titleOf([], [template], 0)).toBe('Nothing checked: 1 file not checked (1 template)');
    expect(titleOf([], [template, { ...template, line: 9 }, big], 2)).toBe('2 files not checked (1 template, 1 too large)');
    expect(titleOf([reviewFinding()], [template], 1)).toBe('1 blocking violation, 1 file not checked (1 template)');
  });

  it('keeps the summary under 65,535 bytes however many findings', () => {
    const findings = Array.from({ length: 3000 }, (_, i) => reviewFinding({ name: `web-${i}-é`, line: i + 1 }));
    const output = checkRunOutput({ ...base, findings }, 'enforce');
    expect(utf8Length(output.summary)).toBeLessThanOrEqual(maxOutputBytes);
    expect(output.summary).toMatch(/… \(truncated\)$/);
    expect(output.annotations).toHaveLength(3000);
    expect(utf8Length(output.text)).toBeLessThanOrEqual(maxOutputBytes);
  });

  it('annotates each line once, at its most severe level, and failing files as failures, in batches of 50', () => {
    const template = { file: 't.yaml', line: 2, kind: 'template' as const, message: 'a template' };
    const annotations = annotationsOf([reviewFinding(), reviewFinding({ check: 'hostPorts', blocking: false }), reviewFinding({ line: 30 })], [{ file: 'x.yaml', line: null, kind: 'binary', message: 'binary' }, template]);
    expect(annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([
      ['deploy/web.yaml', 20, 'failure', 'Pod Security: 2 checks'],
      ['deploy/web.yaml', 30, 'failure', 'Pod Security: Privileged Containers'],
      // A file not checked is a notice: what it does to the conclusion is the unchecked setting's.
      ['x.yaml', 1, 'notice', 'Pod Security: file not checked'],
      ['t.yaml', 2, 'notice', 'Pod Security: file not checked'],
    ]);
    expect(annotations[0]!.message.split('\n')).toHaveLength(2);
    expect(inBatches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  it('leaves out what has an inline comment', () => {
    const commented = reviewFinding();
    const other = reviewFinding({ line: 30 });
    const broken = { file: 'x.yaml', line: 3, kind: 'malformed' as const, message: 'malformed YAML' };
    const annotations = annotationsOf([commented, other], [broken], { findings: new Set([commented]), problems: new Set([broken]) });
    expect(annotations.map((a) => [a.path, a.start_line])).toEqual([['deploy/web.yaml', 30]]);
  });
});

describe('SARIF', () => {
  it('has a rule per check and a result per finding', () => {
    const sarif = JSON.parse(renderSarif([reviewFinding(), reviewFinding({ check: 'hostPorts', blocking: false })], [], '0.1.0'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['hostPorts', 'privileged']);
    expect(sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['privileged', 'error'],
      ['hostPorts', 'warning'],
    ]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'deploy/web.yaml' }, region: { startLine: 20, startColumn: 11 } });
  });

  it('describes each rule as code scanning shows it, ranked by whether it blocks', () => {
    const sarif = JSON.parse(
      renderSarif([reviewFinding(), reviewFinding({ check: 'hostPorts', blocking: false }), reviewFinding({ check: 'advice.imageDigest', blocking: false })], [], '0.1.0'),
    );
    const rules = Object.fromEntries(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => [r.id, r]));
    expect(rules.privileged).toMatchObject({
      name: 'Privileged Containers',
      shortDescription: { text: 'Privileged Containers: privileged container' },
      fullDescription: { text: expect.stringContaining('effectively root on the node') },
      help: { markdown: expect.stringContaining('[Read more](https://github.com/pod-security-review/pod-security-review#privileged)') },
      helpUri: 'https://github.com/pod-security-review/pod-security-review#privileged',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'kubernetes', 'pod-security-standards'], 'security-severity': '8.0' },
    });
    expect(rules.hostPorts.properties['security-severity']).toBe('5.0');
    expect(rules.hostPorts.defaultConfiguration.level).toBe('warning');
    expect(rules['advice.imageDigest'].properties).toEqual({ tags: ['security', 'kubernetes'], 'security-severity': '3.0' });
  });

  it('calls each file problem what the check run calls it: input the cluster refuses an error, a file not checked a note (an error when it fails the run)', () => {
    const problems: LoadProblem[] = [
      { file: 'broken.yaml', line: 3, kind: 'malformed', message: 'malformed YAML' },
      { file: 'chart/templates/web.yaml', line: 1, kind: 'template', message: 'looks like a template' },
      { file: 'dup.yaml', line: null, kind: 'namespace-conflict', message: 'defined twice' },
    ];
    const levels = (unchecked?: UncheckedPolicy) =>
      (JSON.parse(renderSarif([], problems, '0.1.0', unchecked)).runs[0].invocations[0].toolExecutionNotifications as { level: string }[]).map((n) => n.level);
    expect(levels()).toEqual(['error', 'note', 'warning']);
    expect(levels('failure')).toEqual(['error', 'error', 'warning']);
    expect(problems.map((p) => problemSeverity(p, 'failure'))).toEqual(['error', 'error', 'warning']);
  });
});

describe('summary', () => {
  it('lists ignored findings with why, and opt-out problems, never dropping them', async () => {
    const { summaryMarkdown } = await import('../../../src/report/summary.js');
    const ignored = { ...reviewFinding({ check: 'hostPorts', blocking: false }), why: ['disabled by disable[0] in .github/pod-security.yaml:9: ingress'] };
    const markdown = summaryMarkdown({
      policy: 'baseline:latest',
      findings: [],
      ignored: [ignored],
      policyProblems: [{ file: 'a.yaml', line: 7, kind: 'Deployment', namespace: null, name: 'cache', annotation: 'pod-security-review/ignore', message: 'no reason' }],
      errors: [],
      podSpecs: 1,
      unchanged: 0,
      notices: [],
    });
    expect(markdown).toContain('1 ignored by the policy');
    expect(markdown).toContain('| `deploy/web.yaml:20` | Deployment shop/web | `hostPorts` | disabled by disable\\[0\\] in .github/pod-security.yaml:9: ingress |');
    expect(markdown).toContain('- `a.yaml:7` (Deployment cache): no reason');
  });

  it("points a row with a fix at the fix's first line, where its comment is, one without at its finding's line, in the order of those lines", async () => {
    const { summaryMarkdown } = await import('../../../src/report/summary.js');
    // A container's findings, fixed in the container (lines 20-21) and in the pod's securityContext (line 24).
    const inContainer = { startLine: 20, endLine: 21, replacement: '  privileged: false\n', attachable: true };
    const inPod = { startLine: 24, endLine: 24, replacement: 'podSecurityContext:\n  runAsNonRoot: true\n', attachable: true };
    // Findings come in the checks' order, not the lines'.
    const findings = [
      reviewFinding({ check: 'hostPorts', line: 30, fix: null }),
      reviewFinding({ check: 'runAsNonRoot', blocking: false, fix: inPod }),
      reviewFinding({ fix: inContainer }),
      reviewFinding({ file: 'deploy/api.yaml', check: 'hostPorts', line: 40, fix: null }),
    ];
    const markdown = summaryMarkdown({ policy: 'baseline:latest', findings, ignored: [], policyProblems: [], errors: [], podSpecs: 1, unchanged: 0, notices: [] });
    const locations = markdown.split('\n').flatMap((line) => /^\| `([^`]+)` \|/.exec(line)?.[1] ?? []);
    expect(locations).toEqual(['deploy/api.yaml:40', 'deploy/web.yaml:20', 'deploy/web.yaml:24', 'deploy/web.yaml:30']);
  });

  it('says once for them all why files that share a cause were not rendered, naming the first ten, and each other problem on its line', async () => {
    const { summaryMarkdown } = await import('../../../src/report/summary.js');
    // A pull request that bumps a library chart in the 12 charts that use it, none of which vendors it.
    const cause = 'dependency `common 4.5.3` is not vendored in `charts/`';
    const charts = Array.from({ length: 12 }, (_, i) => `charts/app-${String(i).padStart(2, '0')}/Chart.yaml`);
    const notRendered = (file: string, why = cause) => ({ file, line: null, kind: 'not-rendered' as const, message: `${file} not rendered: ${why}: helm failed: …`, cause: why });
    const errors = [
      ...charts.map((file) => notRendered(file)),
      notRendered('charts/db/Chart.yaml', 'dependencies `common 4.5.3`, `postgresql 11.6.12` are not vendored'),
      { file: 'deploy/bad.yaml', line: 3, kind: 'malformed' as const, message: 'malformed YAML' },
    ];
    const markdown = summaryMarkdown({ policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors, podSpecs: 0, unchanged: 0, notices: [] });
    const listed = markdown.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).toEqual([
      `- 12 files not rendered, each because dependency \`common 4.5.3\` is not vendored in \`charts/\`: ${charts.slice(0, 10).map((file) => `\`${file}\``).join(', ')} and 2 more (the JSON report lists them all)`,
      '- `charts/db/Chart.yaml`: charts/db/Chart.yaml not rendered: dependencies `common 4.5.3`, `postgresql 11.6.12` are not vendored: helm failed: …',
      '- `deploy/bad.yaml:3`: malformed YAML',
    ]);
    // Every file is still counted as not checked.
    expect(markdown.split('\n')[0]).toContain('**14** files not checked');
  });

  it('names the charts and overlays rendered and checked, by tool, the first ten of them', async () => {
    const { renderingsLine, summaryMarkdown } = await import('../../../src/report/summary.js');
    const renderings = [
      { tool: 'helm' as const, rendering: 'charts/web' },
      { tool: 'kustomize' as const, rendering: 'overlays/prod' },
      { tool: 'helm' as const, rendering: 'charts/web (Application web-prod)' },
    ];
    expect(renderingsLine(renderings)).toBe('Rendered and checked: `charts/web`, `charts/web (Application web-prod)` (helm); `overlays/prod` (kustomize).');
    const many = Array.from({ length: 12 }, (_, i) => ({ tool: 'kustomize' as const, rendering: `overlays/env-${i}` }));
    expect(renderingsLine(many)).toMatch(/`overlays\/env-9` \(kustomize\), and 2 more \(the JSON report lists them all\)\.$/);
    expect(renderingsLine([])).toBeNull();
    // Under the counts, even with no finding: what was checked and passed is said.
    const markdown = summaryMarkdown({ policy: 'baseline:latest', findings: [], ignored: [], policyProblems: [], errors: [], podSpecs: 1, unchanged: 0, notices: [], renderings });
    expect(markdown.split('\n')[2]).toBe(renderingsLine(renderings));
  });
});
