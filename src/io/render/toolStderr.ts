/**
 * A rendering tool's stderr as a message shows it: the first few lines, the
 * temporary tree's paths relative to the repository, and kubectl's log
 * headers taken off. `kubectl kustomize` reports a failure as a klog line
 * (`E1204 20:16:34.752729   25487 run.go:72] "command failed"
 * err="…"`): its time and process ID would make every run's message
 * differ, so that the Action would see a new problem on each run, and the
 * error itself is quoted. It is shown as `kustomize build` shows it,
 * `Error: …`. helm's advice to run with `--debug` (a flag of a command the
 * user did not run) is left out, and its log lines come after its error.
 */

import path from 'node:path';

/** A klog header: severity, date, time, thread ID, file:line. */
const klogHeader = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]\s]+:\d+\] /;
/** klog's structured failure: the message, then the error as a Go-quoted string. */
const commandFailed = /^"command failed" err=("(?:[^"\\]|\\.)*")$/;

/**
 * A tool's stderr with the temporary tree's paths as the repository names them (the tree itself is `.`). A
 * path beside the tree is one a kustomization reached above the tree's root (`../../../operator/config/crd`
 * from `kustomize/crds`): `../operator/config/crd`, as the user would name it from that root, not the
 * temporary folder's parent (`/tmp/operator`). The tools' own homes are inside the tree.
 */
export function inRepositoryTerms(stderr: string, treeDir: string): string {
  const inTree = stderr.replaceAll(`${treeDir}/`, '').replaceAll(treeDir, '.');
  const parent = path.dirname(treeDir);
  if (parent === treeDir || parent === path.sep) return inTree;
  // Whole paths only: not `deploy/tmp/x`, a path of the repository's, for a tree in /tmp.
  const prefix = `${parent}/`;
  const [first = '', ...rest] = inTree.split(prefix);
  return rest.reduce((out, part) => `${out}${/[\w./-]$/.test(out) ? prefix : '../'}${part}`, first);
}

/** kubectl's multi-line failure: `"command failed" err=<`, then the error's lines indented by a tab, then ` >`. */
const commandFailedBlock = /^"command failed" err=<$/;
/** kustomize's deprecation notices (`# Warning: 'patchesStrategicMerge' is deprecated…`): never why a build failed. */
const deprecationWarning = /^# Warning: /;
/** helm's advice after every failure, about a flag of a command the user did not run. */
const helmDebugHint = /^Use --debug flag to render out invalid YAML$/;
/** helm 4's log lines (`level=WARN msg="this chart is deprecated"`): shown after the error, not before it. */
const helmLogLine = /^level=(?:DEBUG|INFO|WARN) msg=/;

/** The first lines of a tool's stderr, readable in one paragraph: its error first, not the notices before it. */
export function readableStderr(stderr: string, treeDir: string, count = 5): string {
  const lines: string[] = [];
  const notices: string[] = [];
  // The lines of a multi-line failure being read, until its ` >`.
  let failure: string[] | null = null;
  for (const raw of inRepositoryTerms(stderr, treeDir).split('\n')) {
    const trimmed = raw.trimEnd();
    if (failure !== null) {
      if (trimmed.trim() === '>') {
        lines.push(...asError(failure));
        failure = null;
      } else if (trimmed !== '') failure.push(trimmed.replace(/^\t/, ''));
      continue;
    }
    const line = withoutKlogHeader(trimmed);
    if (commandFailedBlock.test(line)) failure = [];
    else if (helmLogLine.test(line)) notices.push(line);
    else if (line !== '' && !deprecationWarning.test(line) && !helmDebugHint.test(line)) lines.push(line);
  }
  if (failure !== null) lines.push(...asError(failure));
  lines.push(...notices);
  return lines.slice(0, count).join('\n') + (lines.length > count ? '\n…' : '');
}

/** A failure's lines as `kustomize build` shows them: `Error: ` before the first. */
function asError(failure: readonly string[]): string[] {
  return failure.map((line, i) => (i === 0 ? `Error: ${line}` : line));
}

function withoutKlogHeader(line: string): string {
  const header = klogHeader.exec(line);
  if (header === null) return line;
  const rest = line.slice(header[0].length);
  const failed = commandFailed.exec(rest);
  if (failed === null) return rest;
  try {
    // Go's %q of an ASCII or UTF-8 string reads as a JSON string but for a few escapes JSON lacks (\a, \v, \x..).
    return `Error: ${JSON.parse(failed[1]!) as string}`;
  } catch {
    return rest;
  }
}
