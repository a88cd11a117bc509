/** The values keys a chart's templates rewrite while helm renders them. */
import { describe, expect, it } from 'vitest';
import { mayBeRewritten, valuesRewrites } from '../../../src/render/valuesRewrites.js';

describe('valuesRewrites', () => {
  // istio's zzz_profile.yaml, cut to what it does with the values.
  const profile = `{{- $defaults := $.Values._internal_defaults_do_not_set }}
{{- $_ := unset $.Values "_internal_defaults_do_not_set" }}
{{- $a := mustMergeOverwrite $defaults ($profile.global) ($.Values.global | default dict)  }}
{{- $x := set $.Values "_original" (deepCopy $.Values) }}
{{- $b := set $ "Values" (mustMergeOverwrite $defaults $.Values) }}
`;

  it('reads the defaults a template merges under .Values (istio)', () => {
    expect(valuesRewrites(['kind: DaemonSet\n', profile])).toEqual({ rewritten: [['_internal_defaults_do_not_set'], ['_original']], defaultsUnder: '_internal_defaults_do_not_set' });
  });

  it('reads every key as rewritten when a template replaces .Values otherwise', () => {
    expect(valuesRewrites(['{{- $_ := set . "Values" $merged }}']).rewritten).toBe('all');
    // The defaults' variable must hold one values key.
    expect(valuesRewrites([profile.replace('$.Values._internal_defaults_do_not_set', '(dict)')]).rewritten).toBe('all');
    expect(valuesRewrites([profile.replace('mustMergeOverwrite $defaults $.Values', 'mustMergeOverwrite $.Values $defaults')]).rewritten).toBe('all');
  });

  it('names the key a set or unset writes, and the first argument of a merge', () => {
    const falco = `{{- $_ := set .Values.falco "engine" $ebpfConfig -}}
{{ $_ = set .Values.falcoctl.config.artifact "allowedTypes" $types }}
{{- $_ := unset $root.Values "legacy" }}
{{- with (merge .Values.controller.image .Values.global.image) }}
{{- $x := mustMergeOverwrite $defaults .Values.global }}
{{- $y := mergeOverwrite .Values $extra }}
`;
    expect(valuesRewrites([falco])).toEqual({ rewritten: [['falco', 'engine'], ['falcoctl', 'config', 'artifact', 'allowedTypes'], ['legacy'], ['controller', 'image'], []], defaultsUnder: null });
  });

  it('names nothing for templates that only read the values', () => {
    expect(valuesRewrites(['{{- if .Values.hostNetwork }}\nhostNetwork: true\n{{- end }}\n', '{{ toYaml (merge (dict) .Values.podLabels) }}'])).toEqual({ rewritten: [], defaultsUnder: null });
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
