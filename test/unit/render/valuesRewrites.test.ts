/** The values keys a chart's templates rewrite while helm renders them. */
import { describe, expect, it } from 'vitest';
import { mayBeRewritten, rewrittenValues } from '../../../src/render/valuesRewrites.js';

describe('rewrittenValues', () => {
  it('reads every key as rewritten when a template replaces .Values (istio)', () => {
    const profile = `{{- $defaults := $.Values._internal_defaults_do_not_set }}
{{- $_ := unset $.Values "_internal_defaults_do_not_set" }}
{{- $b := set $ "Values" (mustMergeOverwrite $defaults $.Values) }}
`;
    expect(rewrittenValues(['kind: DaemonSet\n', profile])).toBe('all');
    expect(rewrittenValues(['{{- $_ := set . "Values" $merged }}'])).toBe('all');
  });

  it('names the key a set or unset writes, and the first argument of a merge', () => {
    const falco = `{{- $_ := set .Values.falco "engine" $ebpfConfig -}}
{{ $_ = set .Values.falcoctl.config.artifact "allowedTypes" $types }}
{{- $_ := unset $root.Values "legacy" }}
{{- with (merge .Values.controller.image .Values.global.image) }}
{{- $x := mustMergeOverwrite $defaults .Values.global }}
{{- $y := mergeOverwrite .Values $extra }}
`;
    expect(rewrittenValues([falco])).toEqual([['falco', 'engine'], ['falcoctl', 'config', 'artifact', 'allowedTypes'], ['legacy'], ['controller', 'image'], []]);
  });

  it('names nothing for templates that only read the values', () => {
    expect(rewrittenValues(['{{- if .Values.hostNetwork }}\nhostNetwork: true\n{{- end }}\n', '{{ toYaml (merge (dict) .Values.podLabels) }}'])).toEqual([]);
  });
});

describe('mayBeRewritten', () => {
  it('is true for a rewritten key, a key inside it and a key it is inside', () => {
    const rewritten = [['falco', 'engine']];
    expect(mayBeRewritten(rewritten, ['falco', 'engine'])).toBe(true);
    expect(mayBeRewritten(rewritten, ['falco', 'engine', 'kind'])).toBe(true);
    // A map a key is set in may have been empty (false) before.
    expect(mayBeRewritten(rewritten, ['falco'])).toBe(true);
    expect(mayBeRewritten(rewritten, ['falco', 'json_output'])).toBe(false);
    expect(mayBeRewritten(rewritten, ['hostNetwork'])).toBe(false);
    expect(mayBeRewritten([[]], ['hostNetwork'])).toBe(true);
    expect(mayBeRewritten('all', ['hostNetwork'])).toBe(true);
    expect(mayBeRewritten([], ['hostNetwork'])).toBe(false);
  });
});
