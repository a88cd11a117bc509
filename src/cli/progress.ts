import { contentBytes } from '../manifests/load.js';
import type { SourceFile } from '../findings/evaluateFiles.js';
import type { CliIO } from './options.js';
import type { RenderPort } from '../render/types.js';

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

/** One line of status on a terminal, rewritten in place (clipped to its width) and erased at the end. */
function statusLine(terminal: ProgressTerminal): { show(text: string): void; end(): void } {
  let shown = 0;
  return {
    show(text) {
      const clipped = terminal.columns !== undefined && terminal.columns > 1 ? text.slice(0, terminal.columns - 1) : text;
      terminal.write(`\r${clipped}${' '.repeat(Math.max(0, shown - clipped.length))}`);
      shown = clipped.length;
    },
    end() {
      if (shown > 0) terminal.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}

export function progressLine(total: { readonly files: number; readonly bytes: number }, terminal: ProgressTerminal, verb = 'checking', intervalMs = 100): Progress {
  let files = 0;
  let bytes = 0;
  let last = -Infinity;
  const line = statusLine(terminal);
  const mib = (n: number) => (n / MiB).toFixed(1);
  const draw = () => {
    const percent = total.bytes === 0 ? 100 : Math.floor((bytes / total.bytes) * 100);
    line.show(`${verb} ${files}/${total.files} files, ${mib(bytes)}/${mib(total.bytes)} MiB (${percent}%)…`);
    last = terminal.now();
  };
  draw();
  return {
    advance(size) {
      files++;
      bytes += size;
      if (terminal.now() - last >= intervalMs) draw();
    },
    end: () => line.end(),
  };
}

/**
 * The render port with a status line on a terminal while the tools run:
 * `rendering 7 charts and overlays…` while they render, then how many
 * renderings verifying the suggestions took so far. `end` erases it (before
 * the report). Rendering a repository's charts takes seconds a silent
 * terminal would leave unexplained.
 */
export function renderingProgress(port: RenderPort, terminal: ProgressTerminal, intervalMs = 100): { readonly port: RenderPort; end(): void } {
  const line = statusLine(terminal);
  let verifying = 0;
  let last = -Infinity;
  return {
    port: {
      head: port.head,
      base: port.base,
      async render(roots) {
        if (roots.length > 0) line.show(`rendering ${roots.length} ${roots.length === 1 ? 'chart or overlay' : 'charts and overlays'}…`);
        return port.render(roots);
      },
      async renderEdited(root, edits) {
        verifying++;
        if (terminal.now() - last >= intervalMs) {
          line.show(`verifying suggestions: rendering again (${verifying})…`);
          last = terminal.now();
        }
        return port.renderEdited(root, edits);
      },
      ...(port.installerFiles !== undefined ? { installerFiles: port.installerFiles.bind(port) } : {}),
      ...(port.readTexts !== undefined ? { readTexts: port.readTexts.bind(port) } : {}),
    },
    end: () => line.end(),
  };
}

/** A terminal on the command's stderr, when it is one (never in a pipe or a CI log); else null. */
export function stderrTerminal(io: CliIO): ProgressTerminal | null {
  if ((io.stderrTty ?? io.tty) !== true) return null;
  return { write: io.stderr, now: io.now ?? (() => performance.now()), ...(io.columns === undefined ? {} : { columns: io.columns }) };
}

/** Inputs from this size show a progress line on a terminal. */
export const progressFromBytes = 4 * MiB;

/**
 * A progress line over these files on stderr, when it is a terminal and the
 * input is large (never in a pipe or a CI log); `advance` takes a file done.
 */
export function progressFor(files: readonly SourceFile[], io: CliIO, verb?: string): { readonly advance: (file: SourceFile) => void; readonly end: () => void } | null {
  const terminal = stderrTerminal(io);
  if (terminal === null) return null;
  const bytes = files.reduce((n, f) => n + contentBytes(f.content), 0);
  if (bytes < progressFromBytes) return null;
  const line = progressLine({ files: files.length, bytes }, terminal, verb);
  return { advance: (file) => line.advance(contentBytes(file.content)), end: () => line.end() };
}
