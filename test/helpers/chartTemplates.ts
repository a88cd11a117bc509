/** Chart templates tests render or read: laid out as `helm create` lays out a container's securityContext. */

/**
 * A Pod template whose one container takes its securityContext whole from
 * `.Values.securityContext`, inside `{{- with }}`: `securityContext: {}`
 * renders no map. `metadata` lines go between `kind` and `spec`.
 */
export function podWithValuesSecurityContext(container: string, metadata: readonly string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    ...metadata,
    'spec:',
    '  containers:',
    `    - name: ${container}`,
    `      image: ${container}:1`,
    '      {{- with .Values.securityContext }}',
    '      securityContext:',
    '        {{- toYaml . | nindent 8 }}',
    '      {{- end }}',
    '',
  ].join('\n');
}

/** podWithValuesSecurityContext with the pod's securityContext, too, from `.Values.podSecurityContext` inside `{{- with }}`. */
export function podWithValuesSecurityContexts(container: string, metadata: readonly string[] = []): string {
  const podLevel = ['  {{- with .Values.podSecurityContext }}', '  securityContext:', '    {{- toYaml . | nindent 4 }}', '  {{- end }}'];
  return podWithValuesSecurityContext(container, metadata).replace('\nspec:\n', `\nspec:\n${podLevel.join('\n')}\n`);
}

/**
 * A Deployment or DaemonSet named `name` (its pods labelled `app: name`)
 * whose pod spec is `podSpec`, lines indented under `    spec:`.
 */
export function workloadTemplate(kind: 'Deployment' | 'DaemonSet', name: string, podSpec: readonly string[]): string {
  return [
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    ...podSpec,
    '',
  ].join('\n');
}

/** A Pod template named `name` whose `spec:` holds `spec` (lines indented under it): the spec starts on line 6. */
export function podTemplate(name: string, spec: readonly string[]): string {
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', ...spec, ''].join('\n');
}
