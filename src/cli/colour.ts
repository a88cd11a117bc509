/**
 * Colours for the text report on a terminal (never with NO_COLOR, never
 * in a pipe): blocking findings and file errors red, warnings yellow,
 * ignored findings and notes dim, the summary line bold. The words stay
 * the same, so nothing depends on the colour.
 */
const red = (t: string) => `\u001b[31m${t}\u001b[39m`;
const yellow = (t: string) => `\u001b[33m${t}\u001b[39m`;
const dim = (t: string) => `\u001b[2m${t}\u001b[22m`;
const bold = (t: string) => `\u001b[1m${t}\u001b[22m`;

export function colourReport(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return `${lines
    .map((line, i) => {
      if (i === lines.length - 1) return bold(line);
      if (/^[^\s:][^:]*(:\d+){0,2}: (warning|audit warning|upgrade preview): /.test(line)) return yellow(line);
      if (/^[^\s:][^:]*(:\d+){0,2}: (ignored|note): /.test(line)) return dim(line);
      if (/^[^\s:][^:]*(:\d+){0,2}: /.test(line)) return red(line);
      return line;
    })
    .join('\n')}\n`;
}
