/** Files Go's text/template would refuse to parse, for a variable none of their actions declares, are no Go templates. */
import { describe, expect, it } from 'vitest';
import { usesUndeclaredVariable } from '../../../src/manifests/templateActions.js';

describe('usesUndeclaredVariable', () => {
  it("finds Prometheus's variables, wherever an action uses them", () => {
    expect(usesUndeclaredVariable('description: "{{ $labels.instance }} is down"')).toBe(true);
    expect(usesUndeclaredVariable('description: "{{ printf "%.2f" $value }} errors"')).toBe(true);
    expect(usesUndeclaredVariable('summary: "{{ with $labels.cluster -}} on {{ . }} {{- end }}"')).toBe(true);
  });

  it('knows the root, declared variables, and range variables', () => {
    expect(usesUndeclaredVariable('name: {{ $.Release.Name }}\nimage: {{ .Values.image }}')).toBe(false);
    expect(usesUndeclaredVariable('{{- $name := .Values.name }}\nname: {{ $name }}')).toBe(false);
    expect(usesUndeclaredVariable('{{- range $i, $port := .Values.ports }}\n- {{ $i }}: {{ $port }}\n{{- end }}')).toBe(false);
    expect(usesUndeclaredVariable('{{- $x := 1 }}{{ $x = 2 }}{{ $x }}')).toBe(false);
  });

  it('reads strings, raw strings and comments as Go does: a $ in them is no variable', () => {
    expect(usesUndeclaredVariable('image: {{ .Values.image }}\ncmd: {{ printf "{{ $zz }}" }}')).toBe(false);
    expect(usesUndeclaredVariable("cmd: {{ printf `$zz` }} {{ printf \"a\\\"$zz\" }} {{ print '$' }}")).toBe(false);
    expect(usesUndeclaredVariable('{{/* $zz is not set here */}}\nimage: {{ .Values.image }}')).toBe(false);
    expect(usesUndeclaredVariable('{{- /* $zz */ -}}\nimage: {{ .Values.image }}')).toBe(false);
  });

  it('reads a $ outside the actions as text', () => {
    expect(usesUndeclaredVariable('price: $5\nimage: {{ .Values.image }}')).toBe(false);
  });
});
