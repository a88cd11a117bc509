/**
 * Strings that outlive the text they were read from.
 *
 * V8 makes a substring of 13 characters or more a view into its parent
 * string, and the readers cut every scalar out of the file's text: a pod's
 * name that a finding kept held its whole file in memory to the end of the
 * run (a report on a 10 MB repository held all of it).
 */

/** Views start at this length; shorter substrings are copies already. */
const shortestView = 13;

/**
 * A copy of `value` that does not keep the text it was cut from: for what a
 * report keeps (names, namespaces, kinds), not for every scalar read. A
 * string joined to another is a pair of pieces, and slicing the pair copies
 * both into one string of its own first.
 */
export function detached(value: string): string {
  return value.length < shortestView ? value : ` ${value}`.slice(1);
}
