/**
 * The part of text/template ApplicationSets use (goTemplate.ts). Each
 * expectation is what Go's text/template with sprig's functions (and Argo
 * CD's `normalize`) prints for the same parameters, under
 * `missingkey=default` and `missingkey=error`; null where it fails, or
 * where this reading refuses what it does not reproduce.
 */
import { describe, expect, it } from 'vitest';
import { renderGoTemplate } from '../../../src/render/goTemplate.js';

const params = { env: 'Prod_EU', name: 'web.shop.example', empty: '', zero: 0, n: null, list: ['a', 'b'], path: { basename: 'Web', segments: ['apps', 'Web'] }, num: 3, t: true, f: false, m: { z: '1', a: '2' } };
const both = (text: string) => [renderGoTemplate(text, params, { missingKeyError: false }), renderGoTemplate(text, params, { missingKeyError: true })];

describe('Go templates of ApplicationSets', () => {
  it('prints parameters and items of lists, in the text around them', () => {
    expect(both('web-{{ .env }}-{{.path.basename}}')).toEqual(['web-Prod_EU-Web', 'web-Prod_EU-Web']);
    expect(both('{{ index .path.segments 1 }}/{{ .num }}')).toEqual(['Web/3', 'Web/3']);
  });

  it('passes them through the functions sets use, called or piped', () => {
    expect(both('{{ .env | lower }}')).toEqual(['prod_eu', 'prod_eu']);
    expect(both('{{ upper .env }}')).toEqual(['PROD_EU', 'PROD_EU']);
    expect(both('{{ normalize .env }}')).toEqual(['prod-eu', 'prod-eu']);
    expect(both('{{ .env | normalize }}')).toEqual(['prod-eu', 'prod-eu']);
    expect(both('{{ trunc 4 .name }}')).toEqual(['web.', 'web.']);
    expect(both('{{ .name | trunc -7 }}')).toEqual(['example', 'example']);
    expect(both('{{ trunc 99 .name }}')).toEqual(['web.shop.example', 'web.shop.example']);
    expect(both('{{ replace "." "-" .name }}')).toEqual(['web-shop-example', 'web-shop-example']);
    expect(both('{{ .name | replace "." "-" }}')).toEqual(['web-shop-example', 'web-shop-example']);
    expect(both('{{ index .path.segments 1 | lower }}')).toEqual(['web', 'web']);
    expect(both('{{ .path.basename | lower | trunc 2 }}')).toEqual(['we', 'we']);
  });

  it("gives `default`'s first argument for an empty value, and for a missing one unless missing keys fail", () => {
    expect(both('{{ default "main" .branch }}')).toEqual(['main', null]);
    expect(both('{{ .branch | default "main" }}')).toEqual(['main', null]);
    expect(both('{{ default "main" .empty }}')).toEqual(['main', 'main']);
    expect(both('{{ default "main" .zero }}')).toEqual(['main', 'main']);
    expect(both('{{ default "main" .n }}')).toEqual(['main', 'main']);
    expect(both('{{ default "main" .env }}')).toEqual(['Prod_EU', 'Prod_EU']);
    expect(both('{{ default 3 .zero }}')).toEqual(['3', '3']);
    // The fields of a missing key are missing too.
    expect(both('{{ default "x" .a.b.c }}')).toEqual(['x', null]);
  });

  it('trims around markers, and drops comments', () => {
    expect(both('  {{- .env -}}  x')).toEqual(['Prod_EUx', 'Prod_EUx']);
    expect(both('a {{/* c */}} b')).toEqual(['a  b', 'a  b']);
    expect(both('a {{- /* c */ -}} b')).toEqual(['ab', 'ab']);
  });

  it('takes `if`, `else if` and `else` on Go\'s truth, with eq, ne, not, and, or, and pipelines in parentheses', () => {
    expect(both('{{ if .missing }}Y{{ else if .t }}T{{ else }}N{{ end }}')).toEqual(['T', null]);
    expect(both('{{ if eq .env "a" "Prod_EU" }}Y{{ end }}')).toEqual(['Y', 'Y']);
    expect(both('{{ if and .t (eq .env "x") }}Y{{ else }}N{{ end }}')).toEqual(['N', 'N']);
    expect(both('{{ if or (eq .env "x") (ne .env "y") }}Y{{ end }}')).toEqual(['Y', 'Y']);
    expect(both('{{ not .zero }}/{{ and .t .f }}/{{ or .f .env }}')).toEqual(['true/false/Prod_EU', 'true/false/Prod_EU']);
    // A missing parameter is nil: false, and equal to nil only.
    expect(both('{{ eq .missing .n }}/{{ or .missing .env }}')).toEqual(['true/Prod_EU', null]);
    expect(both('{{ with .path }}{{ .basename }}{{ end }}{{ with .missing }}x{{ else }}none{{ end }}')).toEqual(['Webnone', null]);
  });

  it('ranges over lists and maps (by sorted key), with their variables and `$`', () => {
    expect(both('{{ range .list }}{{ $.env }}-{{ . }} {{ end }}')).toEqual(['Prod_EU-a Prod_EU-b ', 'Prod_EU-a Prod_EU-b ']);
    expect(both('{{ range $i, $v := .list }}{{ $i }}{{ $v }}{{ end }}')).toEqual(['0a1b', '0a1b']);
    expect(both('{{ range $k, $v := .m }}{{ $k }}={{ $v }},{{ end }}')).toEqual(['a=2,z=1,', 'a=2,z=1,']);
    expect(both('{{ range .missing }}x{{ else }}none{{ end }}')).toEqual(['none', null]);
    // A templatePatch's list of values files, one per line.
    expect(renderGoTemplate('valueFiles:\n{{- range .files }}\n  - {{ . }}\n{{- end }}\n', { files: ['x.yaml', 'y.yaml'] })).toBe('valueFiles:\n  - x.yaml\n  - y.yaml\n');
  });

  it('formats with printf (%s, %v, %%), and reads the string functions sets use', () => {
    const more = { ...params, s: '  hi  ', w: 'hello world-foo_bar' };
    const go = (text: string) => renderGoTemplate(text, more);
    expect(go('{{ printf "%s-%s" .env .name }}|{{ printf "%v-%v" .env .num }}|{{ printf "x%%y" }}')).toBe('Prod_EU-web.shop.example|Prod_EU-3|x%y');
    expect(go('{{ trim .s }}|{{ trimPrefix "web." .name }}|{{ .name | trimSuffix ".example" }}|{{ trimSuffix "" .name }}')).toBe('hi|shop.example|web.shop|web.shop.example');
    expect(go('{{ hasPrefix "web" .name }}|{{ hasSuffix "shop" .name }}|{{ contains "sho" .name }}')).toBe('true|false|true');
    expect(go('{{ title .w }}|{{ title "a1b c_d e.f 9g" }}')).toBe('Hello World-Foo_bar|A1b C_d E.F 9g');
    expect(go('{{ quote .env }}|{{ quote .num }}|{{ squote .env }}|{{ cat .env .name }}|{{ quote .env .name }}')).toBe('"Prod_EU"|"3"|\'Prod_EU\'|Prod_EU web.shop.example|"Prod_EU" "web.shop.example"');
    expect(go('{{ len .env }}|{{ len .list }}|{{ len .path }}|{{ toString .num }}|{{ toString .t }}')).toBe('7|2|2|3|true');
    // `and` gives its first false argument, a nil too (printed as `<no value>`: refused).
    expect(both('{{ and .n .zero }}')).toEqual([null, null]);
    expect(both('{{ if and .n .zero }}Y{{ else }}N{{ end }}')).toEqual(['N', 'N']);
    // Go prints `%!s(float64=3)`, `%!s(MISSING)`, `%!(EXTRA …)`; widths, %d and %q, and quoting what %q escapes, are not read here.
    for (const refused of ['{{ printf "%s" .num }}', '{{ printf "%s" }}', '{{ printf "%s" .env .name }}', '{{ printf "%5s" .env }}', '{{ printf "%d" .num }}', '{{ quote .q }}']) expect(renderGoTemplate(refused, { ...more, q: 'say "hi"' })).toBeNull();
  });

  it("reads lists and paths as sprig does: join, splitList, first, last, has, list, and Go's path base, dir and ext", () => {
    const go = (text: string) => renderGoTemplate(text, { l: ['a', 'b', 'c'], p: 'apps/web/values.yaml', q: '/a//b/../c/', e: [], n: [1, 2] });
    expect(go('{{ join "-" .l }}|{{ first .l }}|{{ last .l }}|{{ has "b" .l }}|{{ len (list 1 2) }}|{{ index (splitList "/" .p) 1 }}')).toBe('a-b-c|a|c|true|2|web');
    expect(go('{{ base .p }}|{{ dir .p }}|{{ ext .p }}|{{ dir .q }}|{{ base .q }}|{{ base "" }}|{{ dir "a/../../b" }}')).toBe('values.yaml|apps/web|.yaml|/a/c|c|.|..');
    // Of an empty list, `first` is nil: false in `if`, refused where printed (Go prints `<no value>`).
    expect(go('{{ if first .e }}y{{ else }}n{{ end }}')).toBe('n');
    expect(go('{{ first .e }}')).toBeNull();
    // A list of numbers joined, as Go prints float64s, is not read here.
    expect(go('{{ join "," .n }}')).toBeNull();
  });

  it('declares variables for the rest of their block, and sets them where they were declared', () => {
    expect(both('{{ $x := .env }}{{ if .t }}{{ $x = "in" }}{{ end }}{{ $x }}')).toEqual(['in', 'in']);
    expect(both('{{ $x := 1 }}{{ range .list }}{{ $x = . }}{{ end }}{{ $x }}')).toEqual(['b', 'b']);
    expect(both('{{ with .path }}{{ $b := .basename }}{{ $b }}{{ end }}')).toEqual(['Web', 'Web']);
    // A templatePatch's fallback: the key when the parameters have it, hasKey and empty as sprig gives them.
    expect(both('{{ $k := "alias" }}{{- if hasKey .m "a" }}{{ $k = "a" }}{{ end }}{{ $k }}|{{ hasKey .m "q" }}|{{ empty .empty }}|{{ empty .list }}')).toEqual(['a|false|true|false', 'a|false|true|false']);
  });

  it('refuses a template whose ranges would write far more than its input, rather than stall', () => {
    const list = Array.from({ length: 100 }, (_, i) => `item-${i}`);
    // 100 × 100 × 100 items: a million lines.
    expect(renderGoTemplate('{{ range .l }}{{ range $.l }}{{ range $.l }}{{ . }}\n{{ end }}{{ end }}{{ end }}', { l: list })).toBeNull();
    expect(renderGoTemplate('{{ range .l }}{{ range $.l }}x{{ end }}{{ end }}', { l: list })).toBe('x'.repeat(10_000));
    // Go orders map keys by their bytes: keys outside ASCII are not ranged over here.
    expect(renderGoTemplate('{{ range $k, $v := .m }}{{ $k }}{{ end }}', { m: { é: 1, z: 2 } })).toBeNull();
  });

  it('refuses what fails in Go, and what it does not reproduce', () => {
    // A string function given a number fails in Go.
    expect(both('{{ lower .num }}')).toEqual([null, null]);
    // Go prints `<no value>` for a missing parameter, and `map[…]` for a map: refused, as are functions not read here.
    expect(both('{{ .branch }}')).toEqual([null, null]);
    expect(both('{{ .path }}')).toEqual([null, null]);
    expect(both('{{ sha256sum .env }}')).toEqual([null, null]);
    // A field of a present null, or of text, fails; so does a variable used past its block, or set where none was declared; unclosed actions are not read here.
    expect(both('{{ default "x" .n.b }}')).toEqual([null, null]);
    expect(both('{{ default "x" .env.b }}')).toEqual([null, null]);
    expect(both('{{ if .t }}{{ $y := 1 }}{{ end }}{{ $y }}')).toEqual([null, null]);
    expect(both('{{ $x = 1 }}')).toEqual([null, null]);
    expect(both('{{ .env')).toEqual([null, null]);
    expect(both('{{ if .t }}x')).toEqual([null, null]);
    expect(both('{{ end }}')).toEqual([null, null]);
    // Ranging over text, comparing kinds that differ, or numbers (Go's float64 parameters against int literals), fails in Go or is not read here.
    expect(both('{{ range .empty }}x{{ end }}')).toEqual([null, null]);
    expect(both('{{ eq .t .env }}')).toEqual([null, null]);
    expect(both('{{ eq .num 3 }}')).toEqual([null, null]);
    // A parameter is a float64 (JSON), never the int a function asks for; an int of the template (a literal, `len`) is.
    expect(both('{{ trunc .num .name }}')).toEqual([null, null]);
    expect(both('{{ index .list .num }}')).toEqual([null, null]);
    expect(both('{{ trunc (len .env) .name }}|{{ index .path.segments (len .empty) }}')).toEqual(['web.sho|apps', 'web.sho|apps']);
    // Two ints of the template compare; an int against a parameter's float64 fails in Go.
    expect(both('{{ if eq (len .list) 2 }}two{{ end }}|{{ ne 1 2 }}')).toEqual(['two|true', 'two|true']);
    expect(both('{{ eq (len .list) .num }}')).toEqual([null, null]);
    expect(both('{{ (index .path.segments 1).x }}')).toEqual([null, null]);
    // Outside ASCII, Go's and JavaScript's cases differ (ß upper-cases to SS in JavaScript only).
    expect(renderGoTemplate('{{ upper .s }}', { s: 'straße' })).toBeNull();
  });
});
