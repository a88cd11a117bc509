import { describe, expect, it } from 'vitest';
import { defaultLoadOptions, loadManifestFile } from '../../../src/manifests/load.js';
import { listOfPods } from '../../../bench/lists.js';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n';

describe('loadManifestFile', () => {
  it('decodes every document of a multi-document file with its start line', () => {
    const loaded = loadManifestFile('multi.yaml', `${pod}---\n# comment\n${pod}---\n`);
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents.map((d) => [d.index, d.line])).toEqual([
      [0, 1],
      [1, 11],
    ]);
  });

  it('skips empty documents', () => {
    const loaded = loadManifestFile('empty.yaml', '---\n---\n# only a comment\n');
    expect(loaded).toEqual({ file: 'empty.yaml', documents: [], problems: [] });
  });

  it('reports a malformed document with its line and keeps the others', () => {
    const loaded = loadManifestFile('bad.yaml', `${pod}---\nkind: Pod\nmetadata: {name: x\n---\n${pod}`);
    expect(loaded.documents.map((d) => d.index)).toEqual([0, 2]);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ file: 'bad.yaml', kind: 'malformed' });
    expect(loaded.problems[0]!.line).toBeGreaterThanOrEqual(10);
    expect(loaded.problems[0]!.message).toMatch(/^malformed YAML: /);
  });

  it("names a script's `{NAME}` placeholder that breaks a line, as a flow mapping to quote or substitute (cert-manager's test manifests)", () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bind\nspec:\n  clusterIP: {SERVICE_IP_PREFIX}.16\n';
    const [problem] = loadManifestFile('service.yaml', service).problems;
    expect(problem).toMatchObject({ kind: 'malformed', line: 6 });
    expect(problem!.message).toMatch(/^malformed YAML: .* \(an unquoted `\{SERVICE_IP_PREFIX\}` reads as a YAML flow mapping: quote the placeholder, or substitute it first\)$/);
    // Another error on a line without one says nothing of placeholders.
    expect(loadManifestFile('flow.yaml', 'kind: Pod\nspec: [a, b\n').problems[0]!.message).not.toContain('placeholder');
  });

  it('reports a document that runs out of text on its last line, not past the end of the file', () => {
    // Five lines and a final newline: the reader stops at the end of the text, which is on no line.
    const unclosedFlow = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: [a, b\n\n';
    const unclosedQuote = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "x\n';
    expect(loadManifestFile('flow.yaml', unclosedFlow).problems).toMatchObject([{ kind: 'malformed', line: 5 }]);
    expect(loadManifestFile('quote.yaml', unclosedQuote).problems).toMatchObject([{ kind: 'malformed', line: 4 }]);
    expect(loadManifestFile('json.json', '{"kind": "Pod",\n\n').problems).toMatchObject([{ kind: 'malformed', line: 1 }]);
  });

  describe('JSON with comments or trailing commas (JSONC)', () => {
    const tsconfig = '{\n  // strict, always\n  "compilerOptions": { "strict": true, },\n}\n';
    const settings = '/* the editor */\n{\n  "editor.tabSize": 2,\n}\n';

    it.each([
      ['tsconfig.json', tsconfig],
      ['.vscode/settings.json', settings],
      ['.devcontainer/devcontainer.JSON', '{\n  "image": "node:24", // the base\n  "features": [ "a", ],\n}\n'],
    ])('a configuration file (%s) that holds no Kubernetes object is not a manifest: nothing is reported', (file, text) => {
      expect(loadManifestFile(file, text)).toEqual({ file, documents: [], problems: [] });
    });

    it('one with a byte-order mark, which kubectl reads as YAML, is not reported either', () => {
      expect(loadManifestFile('bom.json', `\uFEFF${tsconfig}`).problems).toEqual([]);
      expect(loadManifestFile('bom.json', `\uFEFF${settings}`).problems).toEqual([]);
    });

    it('a manifest with a comment stays malformed, as kubectl reads it, with strict JSON\'s message', () => {
      const pod = '{\n  // the pod\n  "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}\n}\n';
      expect(loadManifestFile('pod.json', pod).problems).toMatchObject([{ kind: 'malformed', line: 2, message: expect.stringMatching(/^not valid JSON /) }]);
      // `kind` alone, or in an item of a list, is enough to keep the report.
      expect(loadManifestFile('k.json', '{"kind": "Pod",}\n').problems).toMatchObject([{ kind: 'malformed' }]);
      expect(loadManifestFile('l.json', '// pods\n[{"apiVersion": "v1"}]\n').problems).toMatchObject([{ kind: 'malformed' }]);
    });

    it('only a file named .json is read so, and only when it reads as one JSONC value', () => {
      // (One YAML reads, naming no object, is configuration too: see the flow mappings below.)
      expect(loadManifestFile('tsconfig.yaml', '{\n  /* the: options */\n  "strict": true,\n}\n').problems).toMatchObject([{ kind: 'malformed' }]);
      expect(loadManifestFile('two.json', '{"a": 1}\n{"b": 2,}\n').problems).toMatchObject([{ kind: 'malformed' }]);
      expect(loadManifestFile('open.json', '{\n  "a": 1 // no closing brace\n').problems).toMatchObject([{ kind: 'malformed', line: 2 }]);
    });
  });

  describe('YAML configuration written as a flow mapping', () => {
    // markdownlint's .markdownlint.yaml (stakater/Reloader): valid YAML, not strict JSON, which kubectl reads it as.
    const markdownlint = '{\n  "MD007": { "indent": 4 },\n  "MD029": { "style": one },\n  "MD041": false,\n}\n';

    it('is not a manifest when it reads as YAML and names no object: nothing is reported', () => {
      expect(loadManifestFile('.markdownlint.yaml', markdownlint)).toEqual({ file: '.markdownlint.yaml', documents: [], problems: [] });
      expect(loadManifestFile('tsconfig.yaml', '{\n  // strict, always\n  "compilerOptions": { "strict": true, },\n}\n').problems).toEqual([]);
    });

    it('stays malformed when it names an object, when YAML refuses it too, or under another name', () => {
      expect(loadManifestFile('pod.yaml', '{"apiVersion": v1, "kind": Pod,}\n').problems).toMatchObject([{ kind: 'malformed', message: expect.stringMatching(/^not valid JSON /) }]);
      expect(loadManifestFile('broken.yaml', '{"a": [1,\n').problems).toMatchObject([{ kind: 'malformed' }]);
      expect(loadManifestFile('lint.txt', markdownlint).problems).toMatchObject([{ kind: 'malformed' }]);
    });
  });

  it('refuses binary content', () => {
    const bytes = new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x62]);
    expect(loadManifestFile('b.yaml', bytes).problems).toEqual([
      { file: 'b.yaml', line: null, kind: 'binary', message: 'binary file (it contains NUL bytes); it was not checked' },
    ]);
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as kubectl reads the file', () => {
    // A Latin-1 é; a three-byte sequence cut short (one U+FFFD, as kubectl has it); a lone continuation byte.
    const loaded = loadManifestFile('latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x2c, 0xe2, 0x82, 0x2c, 0x80]));
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents.map((d) => d.value)).toEqual([{ a: '\uFFFD,\uFFFD,\uFFFD' }]);
  });

  it('reads UTF-16 with a byte-order mark, little or big endian, as kubectl does', () => {
    const text = 'kind: Pod\nmetadata: {name: p}\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      const loaded = loadManifestFile('utf16.yaml', new Uint8Array(bytes));
      expect(loaded.problems).toEqual([]);
      expect(loaded.documents.map((d) => [d.line, d.value])).toEqual([[1, { kind: 'Pod', metadata: { name: 'p' } }]]);
    }
    // Without the mark, its NUL bytes make it binary, as for git (kubectl refuses the control characters).
    expect(loadManifestFile('utf16.yaml', new Uint8Array(Buffer.from(text, 'utf16le'))).problems).toMatchObject([{ kind: 'binary' }]);
  });

  it('refuses files over the size limit without parsing them', () => {
    const problems = loadManifestFile('big.yaml', 'a: b\n'.repeat(100), { maxBytes: 100 }).problems;
    expect(problems).toEqual([
      { file: 'big.yaml', line: null, kind: 'too-large', message: 'file is 500 bytes, over the limit of 100 bytes; it was not checked' },
    ]);
  });

  it.each([
    ['name: {{ .Release.Name }}', 1],
    ['a: b\n{{- if .Values.enabled }}\nc: d\n{{- end }}', 2],
    ['a: b\nimage: "{{ include \\"img\\" . }}"', 2],
    ['a: {{/* comment */}}', 1],
    ['a: {{ $x := 1 }}', 1],
  ])('recognises the Go template %j at line %i', (text, line) => {
    expect(loadManifestFile('t.yaml', text).problems).toMatchObject([{ kind: 'template', line }]);
  });

  it('reads a manifest whose template actions are only in comments, as kubectl would', () => {
    const text = `# Rendered from chart node-agent; values: {{ .Values.agent }}\n${pod}  # {{- if .Values.x }} trailing\n`;
    const loaded = loadManifestFile('agent.yaml', text);
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents).toHaveLength(1);
  });

  it('still checks a document that parses with template actions in its values, and says the file is a template', () => {
    const text = `${pod}    securityContext: {privileged: "{{ .Values.x }}"}\n`.replace('image: nginx', 'image: "{{ .Values.image }}"');
    const loaded = loadManifestFile('t.yaml', text);
    expect(loaded.documents).toHaveLength(1);
    expect(loaded.problems).toEqual([
      { file: 't.yaml', line: 8, kind: 'template', message: expect.stringContaining('only its literal settings were checked') },
    ]);
  });

  it("takes braces in a container's command or args, or in a script of several lines, for the program's own words, not a template's", () => {
    // redhat-cop's gitops-catalog: a Job's script runs `oc get … --template={{.spec.bucketName}}`.
    const job = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {name: setup}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: setup',
      '        image: ose-cli:4',
      '        command: [/bin/bash, -c]',
      '        args:',
      '        - |',
      '          oc get obc bucket --template={{.spec.bucketName}}',
      '          docker ps --format "{{.Names}}"',
      '      - name: ps',
      '        image: docker:27',
      '        command: [docker, ps, --format, "{{.Names}}"]',
      '        env:',
      '        - name: SCRIPT',
      '          value: |',
      '            echo {{ not a template }}',
      '',
    ].join('\n');
    const loaded = loadManifestFile('job.yaml', job);
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents).toHaveLength(1);
    // One line elsewhere is still a template's (`image: "{{ .Values.image }}"` in a file no chart renders).
    expect(loadManifestFile('job.yaml', job.replace('image: docker:27', 'image: "{{ .Values.image }}"')).problems).toMatchObject([{ kind: 'template', line: 16 }]);
  });

  it("reads a rendering's template actions as data: nothing renders a tool's output again", () => {
    const text = `${pod}    securityContext: {privileged: "{{ .Values.x }}"}\n`;
    expect(loadManifestFile('t.yaml', text).problems).toMatchObject([{ kind: 'template' }]);
    const rendered = loadManifestFile('t.yaml', text, { ...defaultLoadOptions, rendered: true });
    expect(rendered.problems).toEqual([]);
    expect(rendered.documents).toHaveLength(1);
  });

  it("checks Prometheus alerting rules as written: their {{ $labels.x }} is Prometheus's template, which no Go renderer could parse", () => {
    const rule = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata: {name: node}',
      'spec:',
      '  groups:',
      '  - name: node',
      '    rules:',
      '    - alert: NodeDown',
      '      annotations:',
      '        description: "{{ $labels.instance }} is down ({{ $value | humanize }})"',
      '',
    ].join('\n');
    expect(loadManifestFile('rule.yaml', rule).problems).toEqual([]);
    // Unquoted, such an action breaks the YAML: malformed, as kubectl would say, not a template.
    expect(loadManifestFile('broken.yaml', rule.replace('"{{ $labels.instance }} is down ({{ $value | humanize }})"', '{{ $labels.instance }}')).problems).toMatchObject([{ kind: 'invalid' }]);
    // Declared in the file (a YAML comment is text to Go), the variables are a Go template's again.
    expect(loadManifestFile('chart.yaml', `# {{ $labels := .Values.labels }}{{ $value := 1 }}\n${rule}`).problems).toMatchObject([{ kind: 'template', line: 11 }]);
  });

  it('keeps the documents that parse beside a template document, with one template problem for the file', () => {
    const loaded = loadManifestFile('mixed.yaml', `${pod}---\nmetadata:\n  name: {{ include "x" . }}\n---\n{{- if .Values.y }}\n${pod}{{- end }}\n`);
    expect(loaded.documents.map((d) => d.line)).toEqual([1]);
    expect(loaded.problems).toEqual([{ file: 'mixed.yaml', line: 11, kind: 'template', message: expect.stringContaining('looks like a Go/Helm template') }]);
  });

  it('calls a template that opens with {{ a template, not malformed JSON', () => {
    const loaded = loadManifestFile('t.yaml', `{{- if .Values.enabled }}\n${pod}{{- end }}\n`);
    expect(loaded.problems).toMatchObject([{ kind: 'template', line: 1 }]);
  });

  it('calls a file a Jinja or Liquid template when its tags break it, and keeps the verdicts of one they do not', () => {
    // A docs snippet (external-secrets' `{% raw %}` blocks) kubectl would read as JSON for its first `{`.
    expect(loadManifestFile('snippet.yaml', `{% raw %}\n${pod}{% endraw %}\n`).problems).toEqual([
      { file: 'snippet.yaml', line: 1, kind: 'template', message: 'looks like a Jinja or Liquid template ({% … %}); render it first and check the output' },
    ]);
    // An Ansible template: a statement in the YAML, past its first line.
    expect(loadManifestFile('ansible.yaml', `${pod}{% if privileged %}\n    securityContext: {privileged: true}\n{% endif %}\n`).problems).toMatchObject([{ kind: 'template', line: 9 }]);
    // In a comment, or in a value of a file that parses, a tag is text.
    expect(loadManifestFile('bad.yaml', '# {% if x %}\nkind: Pod\nmetadata: {name: x\n').problems).toMatchObject([{ kind: 'malformed' }]);
    expect(loadManifestFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  page: "{% include head.html %}"\n').problems).toEqual([]);
  });

  it('calls a file a template when `@NAME@` placeholders a script fills in break it, and keeps the verdicts of one they do not', () => {
    // longhorn's scale test: `sed` writes the names; YAML refuses a plain value that starts with `@`.
    const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: @STS_NAME@\nspec:\n  serviceName: @STS_NAME@\n';
    expect(loadManifestFile('statefulset.yaml', sts).problems).toEqual([
      { file: 'statefulset.yaml', line: 4, kind: 'template', message: 'looks like a template with `@NAME@` placeholders; fill them in first (the script that substitutes them) and check the output' },
    ]);
    // Quoted, a placeholder is a string of a file that parses; in a comment of a broken file, it is text.
    expect(loadManifestFile('pod.yaml', pod.replace('name: p', 'name: "@POD_NAME@"')).problems).toEqual([]);
    expect(loadManifestFile('bad.yaml', '# name: @NAME@\nkind: Pod\nmetadata: {name: x\n').problems).toMatchObject([{ kind: 'malformed' }]);
  });

  it('calls a file a template when `${NAME}` shell variables envsubst fills in break it, and keeps the verdicts of one they do not', () => {
    // clickhouse-operator's config template: a variable in a flow list is a flow mapping there.
    const config = '# Template parameters available:\n#   WATCH_NAMESPACES=${WATCH_NAMESPACES}\nwatch:\n  namespaces: [${WATCH_NAMESPACES}]\n';
    expect(loadManifestFile('config.yaml', config).problems).toEqual([
      { file: 'config.yaml', line: 4, kind: 'template', message: 'looks like a template with `${NAME}` placeholders; fill them in first (the script that substitutes them) and check the output' },
    ]);
    // In a plain value the variable is a string: the file parses and its verdicts stand; in a comment of a broken file it is text.
    expect(loadManifestFile('pod.yaml', pod.replace('name: p', 'name: ${POD_NAME}')).problems).toEqual([]);
    expect(loadManifestFile('bad.yaml', '# image: ${IMAGE}\nkind: Pod\nmetadata: {name: x\n').problems).toMatchObject([{ kind: 'malformed' }]);
    // A file Flux substitutes, broken elsewhere, stays malformed: its variable in a plain value breaks nothing.
    expect(loadManifestFile('flux.yaml', 'kind: Pod\nmetadata:\n  name: ${NAME}\nspec:\n  containers: [{name: x, image: y}\n').problems).toMatchObject([{ kind: 'malformed', line: 5 }]);
  });

  it('calls a broken file malformed, not a template, when its only template actions are in comments', () => {
    const loaded = loadManifestFile('bad.yaml', '# {{ .Values.x }}\nkind: Pod\nmetadata: {name: x\n');
    expect(loaded.problems).toMatchObject([{ kind: 'malformed' }]);
  });

  it('does not mistake {{placeholders}} in strings for templates', () => {
    const loaded = loadManifestFile('argo.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  msg: "{{workflow.name}}"\n');
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents).toHaveLength(1);
  });

  it('calls a file a template when an unquoted {{placeholder}} a script fills in breaks it, and says what another flow mapping key reads as', () => {
    // A name in double braces is no Go action: a script's placeholder, a flow mapping to YAML.
    const loaded = loadManifestFile('secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: config\ndata:\n  config: {{config_data}}\n');
    expect(loaded.documents).toEqual([]);
    const template = 'looks like a template with `{{NAME}}` placeholders; fill them in first (the script that substitutes them) and check the output';
    expect(loaded.problems).toEqual([{ file: 'secret.yaml', line: 6, kind: 'template', message: template }]);
    // cluster-autoscaler's e2e template: a placeholder alone on a line of a list breaks its mapping.
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: {{CA_IMAGE}}\n          command:\n            - --nodes={{NODES_SPEC}}\n            {{EXTRA_CA_FLAGS}}\n';
    expect(loadManifestFile('ca.yaml', deployment).problems).toEqual([{ file: 'ca.yaml', line: 7, kind: 'template', message: template }]);
    // A document the placeholder leaves readable is checked, and the note says so (GKE's llama samples).
    const beside = loadManifestFile('llama.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n---\napiVersion: v1\nkind: Secret\nstringData:\n  token: {{HF_TOKEN}}\n`);
    expect(beside.documents.map((d) => d.line)).toEqual([1]);
    expect(beside.problems).toEqual([{ file: 'llama.yaml', line: 10, kind: 'template', message: `${template}; the documents that load were checked as written` }]);
    // A flow mapping key with no placeholder keeps the hint; another key that is no scalar, the plain message.
    expect(loadManifestFile('map.yaml', 'data:\n  {a: b}: c\n').problems).toMatchObject([{ kind: 'invalid', message: expect.stringContaining('an unquoted `{{ … }}` reads as a YAML flow mapping') }]);
    expect(loadManifestFile('seq.yaml', '? [a, b]\n: c\n').problems).toMatchObject([{ kind: 'invalid', message: 'a mapping key must be a scalar' }]);
  });

  it('stops an alias bomb with a problem instead of exhausting memory', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const loaded = loadManifestFile('bomb.yaml', levels.join('\n'));
    expect(loaded.documents).toEqual([]);
    expect(loaded.problems).toMatchObject([{ kind: 'alias-bomb', file: 'bomb.yaml' }]);
  });

  it('reads a List whose items alias a few anchored Pods, as goyaml.v2 does (under its alias ratio)', () => {
    const loaded = loadManifestFile('anchored.yaml', listOfPods(5000, 'anchored'), { maxBytes: Number.MAX_SAFE_INTEGER });
    expect(loaded.problems).toEqual([]);
    const items = (loaded.documents[0]?.value as { items: { metadata: { name: string } }[] }).items;
    expect(items).toHaveLength(5000);
    // Item 4,999 aliases the Pod anchored at item 4,990.
    expect(items[4999]?.metadata.name).toBe('web-4990');
  });

  it('resolves an alias to the last anchor of its name before it', () => {
    const loaded = loadManifestFile('again.yaml', 'a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: [&y {k: 1}, *y, &y {k: 2}, *y]\n');
    expect(loaded.documents[0]?.value).toEqual({ a: 1, b: 1, c: 2, d: 2, e: [{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }] });
  });

  it('stops a merge-key bomb too', () => {
    const levels = ['m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}'];
    for (let i = 1; i < 9; i++) levels.push(`m${i}: &m${i} {<<: [${Array(10).fill(`*m${i - 1}`).join(', ')}]}`);
    expect(loadManifestFile('merge-bomb.yaml', levels.join('\n')).problems).toMatchObject([{ kind: 'alias-bomb' }]);
  });

  it('reports an alias that refers to its own container', () => {
    const problems = loadManifestFile('cycle.yaml', 'a: &a\n  b: *a\n').problems;
    expect(problems).toHaveLength(1);
    expect(['invalid', 'malformed']).toContain(problems[0]!.kind);
  });

  it('reports values JSON cannot carry, with their line', () => {
    expect(loadManifestFile('inf.yaml', 'a: 1\nb: .inf\n').problems).toEqual([
      { file: 'inf.yaml', line: 2, kind: 'invalid', message: 'the value .inf cannot be represented in JSON' },
    ]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFapiVersion: v1\nkind: Pod\n');
    expect(loadManifestFile('bom.yaml', bytes).documents[0]!.value).toEqual({ apiVersion: 'v1', kind: 'Pod' });
  });

  it('reads JSON files', () => {
    const loaded = loadManifestFile('p.json', '{"apiVersion": "v1", "kind": "Pod", "spec": {"hostPID": true, "n": 1.5}}');
    expect(loaded.documents[0]!.value).toEqual({ apiVersion: 'v1', kind: 'Pod', spec: { hostPID: true, n: 1.5 } });
  });

  it('reads CRLF files', () => {
    const loaded = loadManifestFile('crlf.yaml', 'a: yes\r\nb:\r\n  - on\r\n');
    expect(loaded.documents[0]!.value).toEqual({ a: true, b: [true] });
  });
});
