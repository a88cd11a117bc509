/**
 * Go template actions in a manifest's text: what makes a file a template
 * that must be rendered before it can be checked (load.ts).
 *
 * An action counts as Helm charts write them: `{{ .Values.x }}`,
 * `{{- if … }}`, `{{ include … }}`, template comments, `{{ $x }}`. Plain
 * `{{name}}` placeholders (Argo Workflows) are valid YAML strings and are
 * not templates for this purpose.
 *
 * A file whose actions use a variable that none of them declares is no Go
 * template at all: Go's text/template refuses to parse it ("undefined
 * variable"), so no Go template renderer (helm, gomplate, consul-template)
 * renders it, and what is applied is the text as written. Its `{{ }}` are
 * another program's templates, written into the object for it to expand:
 * Prometheus alerting rules' `{{ $labels.instance }}` and
 * `{{ printf "%.2f" $value }}`. The actions are read as Go reads them (a
 * `$` in a string or a comment is no variable), and a variable declared
 * anywhere counts as declared everywhere: a file is set apart only when Go
 * would surely refuse it.
 */
export const templateAction =
  /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block|include|tpl|toYaml|printf|required|default|quote|lookup)\b)/;

/** Whether an action of `text` uses a variable that no action declares (then Go cannot parse the text as a template). */
export function usesUndeclaredVariable(text: string): boolean {
  if (!text.includes('$')) return false;
  const used = new Set<string>();
  const declared = new Set<string>();
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', open)) open = scanAction(text, open + 2, used, declared);
  for (const name of used) if (!declared.has(name)) return true;
  return false;
}

const wordChar = /\w/;

/**
 * One action from just after its `{{` to just after its `}}` (or the end of
 * the text): the variables it uses and declares go to the sets. Returns
 * where the text goes on.
 */
function scanAction(text: string, from: number, used: Set<string>, declared: Set<string>): number {
  let at = from;
  // A comment, `{{/* … */}}` (with trim markers, `{{- /* … */ -}}`), names nothing.
  const comment = /^-?\s*\/\*/.exec(text.slice(at, at + 8));
  if (comment !== null) {
    const end = text.indexOf('*/', at + comment[0].length);
    return end === -1 ? text.length : end + 2;
  }
  // The variables of the action in order, to find declarations (`$x :=`, `$i, $x :=`, `$x =`).
  const names: string[] = [];
  while (at < text.length) {
    const c = text[at]!;
    if (c === '}' && text[at + 1] === '}') return at + 2;
    if (c === '"' || c === "'") at = afterQuoted(text, at, c);
    else if (c === '`') {
      const end = text.indexOf('`', at + 1);
      at = end === -1 ? text.length : end + 1;
    } else if (c === '$') {
      let end = at + 1;
      while (end < text.length && wordChar.test(text[end]!)) end++;
      if (end > at + 1) {
        const name = text.slice(at + 1, end);
        names.push(name);
        const rest = /^\s*(?:,\s*\$\w+\s*)?:?=(?!=)/.exec(text.slice(end, end + 64));
        if (rest !== null) declared.add(name);
        // In `$i, $x :=` the second is declared too: it is followed by `:=` itself.
        else used.add(name);
      }
      at = end;
    } else at++;
  }
  return at;
}

/** Just after a Go string or character literal that opens at `at`, escapes included. */
function afterQuoted(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
