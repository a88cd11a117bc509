/** Helm release names (pure). */

/**
 * A chart's name as a release name helm takes (lower case letters, digits,
 * `-` and `.`, at most 53 characters, a letter or digit at either end): a
 * chart named `feature-REPLACE_WITH_name` (a scaffold) or `MyChart` is
 * installed under some such name, and helm refuses to render it under its
 * own.
 */
export function releaseNameOf(chartName: string): string {
  const segments = chartName
    .toLowerCase()
    .split('.')
    .map((segment) => segment.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((segment) => segment !== '');
  const valid = segments.join('.').slice(0, 53).replace(/[^a-z0-9]+$/, '');
  return valid === '' ? 'release' : valid;
}
