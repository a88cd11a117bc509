/**
 * A fix note in one line, where a report has room for no more (the check
 * run's every finding in full, `fix`'s "not fixed" lines): its first line,
 * as a whole sentence. A line that opens what follows it (`… Options:`, a
 * rendered example's `… that writes it):`) would end on a colon with nothing
 * after it: its last sentence goes, or, when it is the only one, the colon
 * points to where the rest is (`where`). Null for an empty note.
 */
export function fixNoteLine(note: string, where: string): string | null {
  const first = note.split('\n\n')[0]!.split('\n')[0]!;
  if (first === '') return null;
  if (!first.endsWith(':')) return first;
  const lastSentence = first.lastIndexOf('. ');
  if (lastSentence !== -1) return first.slice(0, lastSentence + 1);
  return `${first.slice(0, -1)}: see ${where}`;
}
