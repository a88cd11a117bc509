/**
 * The option that keeps `yaml` from writing its warnings to the process's
 * stderr (pure). By default its `toJS` calls `process.emitWarning` for what
 * it converts with a loss: a Chart.yaml template's `version: {{ .Version }}`
 * (a flow map as a key) printed "(node:986) Warning: Keys with collection
 * values will be stringified…" in the middle of cockroachdb's report. The
 * readers here take what they can and say what matters themselves; errors
 * still throw (`parse`) or are listed (`errors`), as before.
 */
export const noYamlWarnings = { logLevel: 'error' } as const;
