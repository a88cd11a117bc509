import { contentBytes } from '../manifests/load.js';
import type { SourceFile } from '../findings/evaluateFiles.js';
import type { CliIO } from './options.js';

/**
 * The progress line `check` and `fix` show on a terminal for large inputs: files and
 * MiB done out of the total, rewritten in place on stderr. Only a carriage
 * return and spaces move and erase it (no escape sequence, so a NO_COLOR
 * terminal shows it as well); it is redrawn at most every `intervalMs`,
 * never wider than the terminal (a wrapped line cannot be rewritten), and
 * erased before the report is written.
 */
export interface ProgressTerminal {
  readonly write: (text: string) => void;
  /** The terminal's width, when known. */
  readonly columns?: number;
  /** Milliseconds, for throttling (a clock the tests can drive). */
  readonly now: () => number;
}

export interface Progress {
  /** One more file evaluated, of this many bytes. */
  advance(bytes: number): void;
  /** Erase the line. */
  end(): void;
}

const MiB = 1024 * 1024;

export function progressLine(total: { readonly files: number; readonly bytes: number }, terminal: ProgressTerminal, verb = 'checking', intervalMs = 100): Progress {
  let files = 0;
  let bytes = 0;
  let shown = 0;
  let last = -Infinity;
  const mib = (n: number) => (n / MiB).toFixed(1);
  const draw = () => {
    const percent = total.bytes === 0 ? 100 : Math.floor((bytes / total.bytes) * 100);
    let text = `${verb} ${files}/${total.files} files, ${mib(bytes)}/${mib(total.bytes)} MiB (${percent}%)…`;
    if (terminal.columns !== undefined && terminal.columns > 1) text = text.slice(0, terminal.columns - 1);
    terminal.write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}`);
    shown = text.length;
    last = terminal.now();
  };
  draw();
  return {
    advance(size) {
      files++;
      bytes += size;
      if (terminal.now() - last >= intervalMs) draw();
    },
    end() {
      terminal.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}

/** Inputs from this size show a progress line on a terminal. */
export const progressFromBytes = 4 * MiB;

/**
 * A progress line over these files on stderr, when it is a terminal and the
 * input is large (never in a pipe or a CI log); `advance` takes a file done.
 */
export function progressFor(files: readonly SourceFile[], io: CliIO, verb?: string): { readonly advance: (file: SourceFile) => void; readonly end: () => void } | null {
  if ((io.stderrTty ?? io.tty) !== true) return null;
  const bytes = files.reduce((n, f) => n + contentBytes(f.content), 0);
  if (bytes < progressFromBytes) return null;
  const terminal = { write: io.stderr, now: io.now ?? (() => performance.now()), ...(io.columns === undefined ? {} : { columns: io.columns }) };
  const line = progressLine({ files: files.length, bytes }, terminal, verb);
  return { advance: (file) => line.advance(contentBytes(file.content)), end: () => line.end() };
}
