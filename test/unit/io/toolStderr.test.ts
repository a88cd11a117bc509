/** A rendering tool's stderr as a message shows it: kubectl's log headers off, paths in the temporary tree relative. */
import { describe, expect, it } from 'vitest';
import { readableStderr } from '../../../src/io/render/toolStderr.js';

describe('readableStderr', () => {
  it("shows kubectl kustomize's klog failure as kustomize build shows it, with no time or process ID", () => {
    const stderr =
      'E1204 20:16:34.752729   25487 run.go:72] "command failed" err="accumulating resources: accumulation err=\'accumulating resources from \'dir \\"q\\"\': ' +
      "lstat /tmp/psr-tree-1/overlays/prod/dir \\\"q\\\": no such file or directory'\"\n";
    expect(readableStderr(stderr, '/tmp/psr-tree-1')).toBe(
      "Error: accumulating resources: accumulation err='accumulating resources from 'dir \"q\"': lstat overlays/prod/dir \"q\": no such file or directory'",
    );
  });

  it("names a path a kustomization reached above the temporary tree from the tree's root (`../operator`), and leaves the repository's own paths whole", () => {
    const stderr = "Error: evalsymlink failure on '/tmp/operator/config/crd' : lstat /tmp/operator: no such file or directory; reading deploy/tmp/x.yaml\n";
    expect(readableStderr(stderr, '/tmp/psr-tree-1')).toBe("Error: evalsymlink failure on '../operator/config/crd' : lstat ../operator: no such file or directory; reading deploy/tmp/x.yaml");
  });

  it('takes the header off other klog lines, and leaves lines without one as they are', () => {
    const stderr = 'W0102 03:04:05.000006  12 warnings.go:70] something odd\nError: accumulating resources: missing.yaml\n\n';
    expect(readableStderr(stderr, '/tmp/t')).toBe('something odd\nError: accumulating resources: missing.yaml');
  });

  it("reads kubectl's multi-line failure as kustomize build shows it, past kustomize's deprecation notices", () => {
    // gatekeeper's config/overlays/dev: four notices, then the error, which five lines of the notices once hid.
    const notice = "# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update your Kustomization automatically.";
    const stderr = [
      notice,
      notice,
      notice,
      notice,
      'E1207 01:06:00.879935   20573 run.go:72] "command failed" err=<',
      '\ttrouble configuring builtin PatchStrategicMergeTransformer with config: `',
      '\tpaths:',
      '\t- manager_image_patch.yaml',
      "\t`: evalsymlink failure on '/tmp/t/config/overlays/dev/manager_image_patch.yaml' : lstat /tmp/t/config/overlays/dev/manager_image_patch.yaml: no such file or directory",
      ' >',
      '',
    ].join('\n');
    expect(readableStderr(stderr, '/tmp/t')).toBe(
      [
        'Error: trouble configuring builtin PatchStrategicMergeTransformer with config: `',
        'paths:',
        '- manager_image_patch.yaml',
        "`: evalsymlink failure on 'config/overlays/dev/manager_image_patch.yaml' : lstat config/overlays/dev/manager_image_patch.yaml: no such file or directory",
      ].join('\n'),
    );
  });

  it("leaves out helm's advice to rerun with --debug, and shows its log lines after its error", () => {
    // VictoriaMetrics' deprecated distributed chart: helm 4's warning came first, and the hint took a line of five.
    const stderr = [
      'level=WARN msg="this chart is deprecated"',
      'Error: template: victoria-metrics-distributed/templates/grafana-datasource.yaml:14:15: executing "…" at <index .Values "victoria-metrics-k8s-stack">: error calling index: index of nil pointer',
      'Use --debug flag to render out invalid YAML',
      '',
    ].join('\n');
    expect(readableStderr(stderr, '/tmp/t')).toBe(
      [
        'Error: template: victoria-metrics-distributed/templates/grafana-datasource.yaml:14:15: executing "…" at <index .Values "victoria-metrics-k8s-stack">: error calling index: index of nil pointer',
        'level=WARN msg="this chart is deprecated"',
      ].join('\n'),
    );
  });

  it('keeps the first five lines, and says there were more', () => {
    const stderr = Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n');
    expect(readableStderr(stderr, '/tmp/t')).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n…');
  });

  it('names the temporary tree itself as the repository', () => {
    expect(readableStderr('Error: no kustomization in /tmp/t\n', '/tmp/t')).toBe('Error: no kustomization in .');
  });
});
