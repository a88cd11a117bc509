/**
 * The ends of an object's name at its dashes, longest first
 * (`temporal-frontend`: `temporal-frontend`, `frontend`): what a chart's
 * per-element values (`server.frontend`, read through `index` or a `range`)
 * may be named by, where the template puts the element in the name.
 */
export function nameEndings(name: string): string[] {
  if (name === '') return [];
  const parts = name.split('-');
  return parts.map((_, from) => parts.slice(from).join('-'));
}
