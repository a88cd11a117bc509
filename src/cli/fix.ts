/**
 * The `fix` command: apply every verified fix to the manifests in place, or
 * print them as a unified diff.
 *
 *   pod-security-review fix [options] [--dry-run] PATH...
 *
 * It fixes exactly what `check` reports as blocking or warning, under the
 * same policy (config file, namespace labels, flags), with the suggestions a
 * pull-request review would offer, applied together; ignored findings are
 * left alone. Afterwards the files are checked again, and fixed again while
 * that finds fixes (one fix can wait for another: see applyRound); what is
 * left is printed like `check` prints it, with why each was not fixed.
 *
 * With --dry-run the diff goes to stdout and the report to stderr (so the
 * diff can be piped to `git apply`).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { evaluateFiles } from '../findings/evaluateFiles.js';
import { progressFor } from './progress.js';
import { cloneContext, mergeReports, renderingsUnder, rootsOutside } from './renderings.js';
import { fixCommandLine } from '../report/renderedFix.js';
import type { RenderMemo } from '../io/render/renderer.js';
import type { SourceFile } from '../findings/evaluateFiles.js';
import type { Finding } from '../findings/types.js';
import { defaultPolicies } from '../findings/policyContext.js';
import { applySuggestions } from '../fixes/fixFile.js';
import { fixableAdviceChecks, isFixableAdvice } from '../fixes/fixers/index.js';
import type { FixableCheck, Suggestion } from '../fixes/types.js';
import { textOf } from '../manifests/load.js';
import { collectFiles } from '../io/files.js';
import { renderText } from '../report/text.js';
import { fixNoteLine } from '../report/fixNoteLine.js';
import { cautionFor } from '../report/commentBody.js';
import { goneCount } from '../report/counts.js';
import { checkIds, isCheckId } from '../policy/checkIds.js';
import { didYouMean } from './suggest.js';
import { addTo } from '../multiMap.js';
import { contextFor, emptyInputStatus, excludedBy, excludeOption, excludeOptionHelp, failureStatus, filesOfPaths, policyOptions, policyOptionsHelp, readPolicyOptions, UsageError } from './options.js';
import type { CliIO } from './options.js';

export const fixUsage = `Usage: pod-security-review fix [options] [--dry-run] PATH...

Fix the pod specs in Kubernetes manifests (files, or folders searched for
*.yaml, *.yml and *.json): every finding \`check\` reports (blocking or
warning) that has a safe mechanical fix is fixed in place, with the verified
edits a pull-request review would suggest. Comments, blank lines and the
formatting of untouched lines are kept. Findings that need a decision (which
volume type, which user ID) are left and reported with what to do.

Options:
  --dry-run            print the changes as a unified diff instead of writing them
  --render MODE        auto: render the Helm charts and Kustomize overlays found under
                       the paths, as check does, and apply the fixes a review suggests
                       there (values lines, patches, a base's resources; each verified
                       by rendering again); off: read every file as a plain manifest
                       [default: auto]
${excludeOptionHelp}
  --allow-empty        exit 0 when no manifest or no pod spec is found (else 1)
  --only CHECK,...     fix only these checks (e.g. runAsNonRoot,seccompProfile_restricted)
  --skip CHECK,...     fix every check but these
  --advice             also fix what the hardening advice checks find where the fix is
                       mechanical (advice.readOnlyRootFilesystem,
                       advice.automountServiceAccountToken); the config's advice key
                       turns them on too
  Edits that can stop a workload from working (privileged, hostNetwork, runAsUser 0,
  runAsNonRoot, readOnlyRootFilesystem, no service account token) are listed after
  the report with a one-line caution.
${policyOptionsHelp}

Exit status: 0 nothing blocks after fixing, 1 blocking violations remain, a file is
malformed or invalid, or (with --unchecked failure) a file was not checked, 2 usage
or config error.
`;

/** `--only` and `--skip`, comma-separated and repeatable, as a predicate; unknown checks are usage errors with the closest name. */
function checkSelection(only: readonly string[] | undefined, skip: readonly string[] | undefined): (check: FixableCheck) => boolean {
  const fixable: readonly FixableCheck[] = [...checkIds, ...fixableAdviceChecks];
  const list = (flag: string, values: readonly string[] | undefined): Set<FixableCheck> | null => {
    if (values === undefined) return null;
    const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    for (const name of names) {
      if (!isCheckId(name) && !isFixableAdvice(name)) throw new UsageError(`${flag} ${JSON.stringify(name)}: not a check${didYouMean(name, fixable)}; the checks: ${fixable.join(', ')}`);
    }
    return new Set(names as FixableCheck[]);
  };
  const included = list('--only', only);
  const excluded = list('--skip', skip);
  if (included && excluded) throw new UsageError('--only and --skip: give one');
  return (check) => (included ? included.has(check) : !(excluded?.has(check) ?? false));
}

/** Rounds of fixes at most (each checks every file again; most runs need one, a shared anchor two). */
const maxRounds = 5;

/** Files named on the summary line: the first few, then how many more (a fix of a whole repository is one line, not thousands of names). */
const namedFilesShown = 10;

function namedFiles(files: readonly string[]): string {
  if (files.length <= namedFilesShown) return files.join(', ');
  return `${files.slice(0, namedFilesShown).join(', ')} and ${files.length - namedFilesShown} more`;
}

/**
 * One round: every file with suggestions gets them (apart), and the checks
 * they fix are noted per file. Null when no finding has a suggestion.
 */
function applyRound(files: readonly SourceFile[], findings: readonly Finding[], fixedChecks: Map<string, Finding[]>): SourceFile[] | null {
  const suggestionsOf = new Map<string, Suggestion[]>();
  for (const finding of findings) {
    if (finding.fix) addTo(suggestionsOf, finding.file, finding.fix);
    // A fix in several places (a chart's values keys far apart): each part in its file, all in this round.
    else if (finding.fixParts) for (const { file, ...lines } of finding.fixParts) addTo(suggestionsOf, file, { ...lines, attachable: false });
    else continue;
    addTo(fixedChecks, finding.file, finding);
  }
  if (suggestionsOf.size === 0) return null;
  return files.map((file) => {
    const text = textOf(file.content);
    const suggestions = apart(suggestionsOf.get(file.path) ?? []);
    return text === null || suggestions.length === 0 ? file : { path: file.path, content: applySuggestions(text, suggestions) };
  });
}

/**
 * A file's suggestions in line order, each once and none overlapping
 * another. One file's own never overlap (the engine makes them so), but a
 * base or a values file that several renderings use gets the same
 * suggestion from each, and could get different ones for one line: the
 * first stands, and the others wait for the next round, which renders the
 * fixed text again.
 */
function apart(suggestions: readonly Suggestion[]): Suggestion[] {
  const kept: Suggestion[] = [];
  for (const suggestion of [...suggestions].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine)) {
    const last = kept.at(-1);
    if (last === undefined || suggestion.startLine > last.endLine) kept.push(suggestion);
  }
  return kept;
}

/**
 * The files that fixes of `findings` edit which are not among `known` but
 * lie under the paths given (a chart's `templates/_helpers.tpl`, which no
 * search for manifests reads), read from disk: they are fixed like the
 * others, and their fixed texts stand in for them when the charts render
 * again. They are no manifests, and are never checked as such.
 */
function unreadFixTargets(findings: readonly Finding[], known: ReadonlySet<string>, positionals: readonly string[], io: CliIO, maxBytes: number): SourceFile[] {
  const roots = positionals.map((p) => path.resolve(io.cwd, p));
  const under = (file: string) => {
    const absolute = path.resolve(io.cwd, file);
    return roots.some((root) => {
      const relative = path.relative(root, absolute);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
  };
  const targets = new Set<string>();
  for (const finding of findings) {
    const files = finding.fix ? [finding.file] : (finding.fixParts ?? []).map((part) => part.file);
    for (const file of files) if (!known.has(file) && under(file)) targets.add(file);
  }
  if (targets.size === 0) return [];
  const read = collectFiles([...targets], io.cwd, maxBytes);
  return 'files' in read ? read.files : [];
}

/**
 * A file's name in the diff's headers, as git writes it: `a/` or `b/` and
 * the path, an absolute one (a file outside the working directory) without
 * its leading slash (`a//tmp/x.yaml` is a path neither git apply nor patch
 * takes; `a/tmp/x.yaml` applies from the root).
 */
function patchPath(side: 'a' | 'b', file: string): string {
  return `${side}/${file.replace(/^\/+/, '')}`;
}

export async function fixCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...policyOptions,
      'dry-run': { type: 'boolean', default: false },
      render: { type: 'string', default: 'auto' },
      'allow-empty': { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      advice: { type: 'boolean' },
      ...excludeOption,
    },
  });
  if (values.help) {
    io.stdout(fixUsage);
    return 0;
  }
  if (values.render !== 'auto' && values.render !== 'off') throw new UsageError(`--render ${JSON.stringify(values.render)}: must be one of auto, off`);
  const options = readPolicyOptions(values);
  const selection = excludedBy(values.exclude);
  const collected = await filesOfPaths(positionals, io, options.maxBytes, 'fix', selection);
  const policy = contextFor(io, options, values.advice === true);
  const load = { maxBytes: options.maxBytes };
  const fixChecks = checkSelection(values.only, values.skip);
  const checkOptions = { policy, load, fixes: true, fixChecks };
  // A chart's templates and an overlay's patches are no manifests to fix: the fixes are the review's, on the lines it suggests them.
  // `fix` verifies every suggestion it applies, however many renderings that takes (as its fixes of plain files have no work budget).
  const renderOptions = {
    ...checkOptions,
    selection,
    verifications: Number.POSITIVE_INFINITY,
    ...(values.render === 'auto' ? await cloneContext(io, options.maxBytes) : {}),
    ...(policy.config.render ? { render: policy.config.render } : {}),
  };
  const renderMemo: RenderMemo = new Map();
  /**
   * The files as `check` reads them, with fixes: charts rendered from the
   * texts of `files` (a round's fixed texts stand in for the files on disk,
   * which are written at the end, or never with --dry-run), the files they use
   * judged through the renderings only.
   */
  // The files as read, and the fixed ones in the same places; fix targets no manifest search reads are added as found.
  const originals: SourceFile[] = [...collected.files];
  const unsearched = new Set<string>();
  const checkFiles = async (files: readonly SourceFile[], doing: string) => {
    const edited = new Map<string, string>();
    files.forEach((file, i) => {
      if (file !== originals[i] && typeof file.content === 'string') edited.set(file.path, file.content);
    });
    // Argo CD Applications and Flux HelmReleases of this repository among the files, as this round has them, render their charts as check does.
    const rendered = values.render === 'auto' ? await renderingsUnder(io, positionals, options.maxBytes, { ...renderOptions, plainFiles: files }, edited, renderMemo) : null;
    const plain = files.filter((f) => !unsearched.has(f.path) && !(rendered?.consumed.has(f.path) ?? false));
    const progress = progressFor(plain, io, doing);
    const evaluated = evaluateFiles(plain, checkOptions, progress?.advance);
    progress?.end();
    return rendered ? mergeReports(evaluated, rendered, rootsOutside(plain, 'fix')) : evaluated;
  };
  const before = await checkFiles(collected.files, 'fixing');

  // Each round applies every suggestion, then checks the files again. A fix can wait for another: an
  // edit at an anchor its users share is only safe once each of them has its own value, which the
  // first round may have just written. So what is left is fixed again while it gets suggestions.
  const fixedChecks = new Map<string, Finding[]>();
  let files: readonly SourceFile[] = [...originals];
  let remaining = before;
  for (let round = 0; round < maxRounds; round++) {
    const unread = unreadFixTargets(remaining.findings, new Set(originals.map((f) => f.path)), positionals, io, options.maxBytes);
    for (const file of unread) unsearched.add(file.path);
    originals.push(...unread);
    files = [...files, ...unread];
    const applied = applyRound(files, remaining.findings, fixedChecks);
    if (applied === null) break;
    files = applied;
    // What is left, checked again, with why it was not fixed.
    remaining = await checkFiles(files, 're-checking');
  }

  let diff = '';
  const changed: string[] = [];
  // A round hands on the very file it did not change: only the others are decoded again, for their diff.
  for (const [i, file] of files.entries()) {
    const was = file === originals[i] ? null : textOf(originals[i]!.content);
    const now = file.content;
    if (was === null || typeof now !== 'string') continue;
    changed.push(file.path);
    if (values['dry-run']) diff += createTwoFilesPatch(patchPath('a', file.path), patchPath('b', file.path), was, now, undefined, undefined, { context: 3 });
    else await writeFile(path.resolve(io.cwd, file.path), now);
  }
  const report = { ...remaining, errors: [...collected.problems, ...remaining.errors] };
  // Checks without a fixer (advice.imageDigest, psp.removed) are reported as they are, with no note.
  const fixable = (check: string): check is FixableCheck => isCheckId(check) || isFixableAdvice(check);
  const given = new Set(originals.map((f) => f.path));
  const notFixed = (f: Finding): string | null => {
    if (!fixable(f.check)) return null;
    if (!fixChecks(f.check)) return 'left out by --only/--skip';
    // A rendering judges the files it uses beside the one named: their fixes are for `fix` to apply when it is given them.
    if (f.fix !== null) return given.has(f.file) ? 'its fix waited for another one in every round; run fix again' : `not among the paths given; \`${fixCommandLine(f)}\` fixes it`;
    return f.fixNote === null ? null : fixNoteLine(f.fixNote, 'the JSON report of `check --format json`');
  };
  // One line per place and reason, naming its checks: a pod spec's restricted warnings often share both, and a base
  // that several renderings use has one finding per rendering at the same line.
  const notFixedAt = new Map<string, { place: string; why: string; checks: Set<string> }>();
  for (const f of report.findings) {
    const why = notFixed(f);
    if (why === null) continue;
    const place = `${f.file}:${f.line}`;
    const key = `${place}\0${why}`;
    const known = notFixedAt.get(key) ?? { place, why, checks: new Set<string>() };
    known.checks.add(f.check);
    notFixedAt.set(key, known);
  }
  const notes = [...notFixedAt.values()].map(({ place, why, checks }) => `${place}: not fixed [${[...checks].join(', ')}]: ${why}`);
  // What the applied edits can break, once per file (the fixed checks gathered as the rounds applied them).
  const changedFiles = new Set(changed);
  const cautionLines = [...fixedChecks].filter(([file]) => changedFiles.has(file)).flatMap(([file, fixed]) => {
    const caution = cautionFor(fixed);
    return caution === null ? [] : [`${file}: caution: ${caution}`];
  });
  const fixedCount = goneCount(before.findings, remaining.findings);
  const text = [
    renderText(report, defaultPolicies(policy), options.unchecked).trimEnd(),
    ...notes,
    ...cautionLines,
    `${values['dry-run'] ? 'would fix' : 'fixed'} ${fixedCount} ${fixedCount === 1 ? 'finding' : 'findings'} in ${changed.length} ${changed.length === 1 ? 'file' : 'files'}${changed.length > 0 ? `: ${namedFiles(changed)}` : ''}`,
    // What is left is reported on the fixed texts, which a dry run does not write: say whose lines they are.
    ...(values['dry-run'] && changed.length > 0 && report.findings.length + report.ignored.length > 0 ? ['(what is left is shown at its lines in the fixed files, as the diff writes them)'] : []),
  ].join('\n');
  if (values['dry-run']) {
    io.stdout(diff);
    io.stderr(`${text}\n`);
  } else io.stdout(`${text}\n`);
  return emptyInputStatus('fix', collected.files.length, before.podSpecs.length, report.errors.length, values['allow-empty'], io) ?? failureStatus(report, options.unchecked);
}
