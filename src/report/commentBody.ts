/**
 * The body of an inline review comment: the findings one suggestion fixes
 * (or that sit on one line), told once.
 *
 *   > [!WARNING]                                   severity as a GitHub alert
 *   > **Container `api`: 4 restricted checks fail** (not blocking)
 *
 *   - allowPrivilegeEscalation != false            one bullet per check, upstream's message
 *   - …
 *
 *   ```suggestion                                  the verified fix, or why there is none (once)
 *   …
 *   ```
 *   **Before applying:** …                         only for edits that can stop a workload
 *
 *   <details><summary>Why and where from</summary> workload, level and its source, links
 *   …
 *   </details>
 *
 *   <!-- pod-security-review:… -->                 the fingerprints, in one marker
 *
 * Peers: reviewdog (one line per finding, rule linked), code scanning (rule
 * name as title, help behind "Show more details"), Dependabot (long
 * material in `<details>`).
 */
import type { LoadProblem } from '../manifests/types.js';
import type { FindingCheck } from '../policy/sources/extraChecks.js';
import { notComputedLead, noteSaidBy, sharedCaveatLead } from '../fixes/notes.js';
import { nonRootCaveat } from '../fixes/fixers/runAsNonRoot.js';
import { checkDocsUrl, checksSectionUrl } from './checkDocs.js';
import { checkTitles } from './explanations.js';
import { fingerprint, fingerprintMarker, problemFingerprint } from './fingerprint.js';
import { escapeText, inlineCode, messageText } from './markdown.js';
import { fixesWords } from './renderedFix.js';
import { truncateChars } from './truncate.js';
import type { ReviewFinding, SuggestionLike } from './types.js';
import { firstRootsByTool, workloadName, workloadsNamed } from './namesBy.js';
import { andMore, firstOf } from '../firstFew.js';
import { mergedByContainers } from './containerDetails.js';

/** GitHub's limit for a comment body, in characters. */
export const maxCommentChars = 65_536;

/** Where checks are documented: one check's entry, and the reference of them all. */
export interface CheckDocs {
  readonly of: (check: FindingCheck) => string;
  readonly all: string;
}
/** The README's check reference (checkDocs.ts), which links upstream's standards. */
export const readmeDocs: CheckDocs = { of: checkDocsUrl, all: checksSectionUrl };

/**
 * A fence longer than any backtick run in the content (min 3). CommonMark
 * only closes a fence with a run at the start of a line, but GitHub has been
 * seen to end a suggestion early on such content; longer is always safe.
 */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const match of content.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Whether a comment's body holds a suggestion block (suggestionBlock's fence, of any length). */
export const holdsSuggestion = (body: string): boolean => /^`{3,}suggestion\n/m.test(body);

export function suggestionBlock(suggestion: SuggestionLike): string {
  // A fix on a line too long to repeat is an edit within it, never attachable: never a block.
  if (suggestion.replacement === null) throw new Error(`the fix of lines ${suggestion.startLine}-${suggestion.endLine} is an edit within a long line, not a suggestion`);
  // GitHub replaces the range with the block's lines; always LF inside the comment.
  const content = suggestion.replacement.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const fence = fenceFor(content);
  // An empty block deletes the lines; a block with one empty line would leave one.
  if (suggestion.replacement === '') return `${fence}suggestion\n${fence}`;
  return `${fence}suggestion\n${content}\n${fence}`;
}

/** What an empty suggestion block does, said: a reader sees no lines in it. */
function deletionNote(suggestion: SuggestionLike): string[] {
  if (suggestion.replacement !== '') return [];
  const count = suggestion.endLine - suggestion.startLine + 1;
  return [count === 1 ? 'The suggestion deletes this line.' : `The suggestion deletes these ${count} lines.`];
}

const maskedProc = '/proc is masked again (a nested container runtime needs it unmasked)';

/**
 * What applying a fix can break, per check: said in one line before the
 * suggestion is applied (the edits that can stop a workload from working).
 */
export const cautions: Partial<Record<FindingCheck, string>> = {
  privileged: 'the container loses device and kernel access',
  hostNamespaces: "the pod no longer sees the node's network, processes or IPC",
  runAsUser: 'the container no longer runs as UID 0',
  runAsNonRoot: 'the image must run as a non-root user, or the container will not start',
  hostPorts: 'clients must reach the port through a Service',
  windowsHostProcess: 'the containers lose access to the node',
  // The baseline fixes that undo an opt-out someone wrote on purpose (buildkit's rootless builder runs
  // Unconfined): restricted's profile where none was set, and its drop ALL, are the level's usual migration.
  seccompProfile_baseline: "system calls the runtime's default seccomp profile blocks fail",
  appArmorProfile: "what the runtime's default AppArmor profile denies fails",
  capabilities_baseline: 'the container loses the capabilities the fix removes',
  seLinuxOptions: 'the container no longer runs with the SELinux user, role or type it set',
  procMount: maskedProc,
  procMount_restricted: maskedProc,
  sysctls: 'the pod no longer sets the kernel parameters the fix removes',
  'advice.readOnlyRootFilesystem': 'a process that writes outside its volumes fails (mount an emptyDir where it writes)',
  'advice.automountServiceAccountToken': 'the pod can no longer call the Kubernetes API',
};

/**
 * Cautions said only with the fixer's own caveat among the finding's notes:
 * its fixer knows when the risk cannot arise (runAsNonRoot, when every
 * container already runs as a non-zero `runAsUser`).
 */
const cautionWithCaveat: Partial<Record<FindingCheck, string>> = { runAsNonRoot: nonRootCaveat };

/** A finding whose fix is applied, as its caution reads it. */
interface Fixed {
  readonly check: FindingCheck;
  readonly fixNote: string | null;
}

/** The one-line caution for these fixed findings, or null when none of their fixes can break a workload. */
export function cautionFor(fixed: readonly Fixed[]): string | null {
  const applies = (f: Fixed) => {
    const caveat = cautionWithCaveat[f.check];
    return caveat === undefined || (f.fixNote ?? '').includes(caveat);
  };
  // Checks of one problem at two levels share their caution (procMount's): said once.
  const parts = unique(fixed.filter(applies).map((f) => cautions[f.check])).filter((c): c is string => c !== undefined);
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

const workloadOf = (f: ReviewFinding) => `${f.kind} ${inlineCode(workloadName(f))}`;

/**
 * How many of each a comment names before it counts the rest: on a line
 * that many workloads share (a library chart's helper that a change to it
 * makes fail in every chart), the comment stays short, and the check run
 * lists every finding.
 */
const shown = { workloads: 5, details: 3, examples: 2, roots: 5, exampleLines: 16 } as const;

/** "Deployment `a`", "Deployments `a`, `b`", "Deployment `a`, CronJob `b`"; past a few, "… and 12 more workloads". */
function workloadsOf(findings: readonly ReviewFinding[]): string {
  const byWorkload = new Map<string, ReviewFinding>();
  for (const f of findings) if (!byWorkload.has(workloadOf(f))) byWorkload.set(workloadOf(f), f);
  const { first, more } = firstOf([...byWorkload.values()], shown.workloads);
  return `${workloadsNamed(first, inlineCode)}${andMore(more, 'workloads')}`;
}

/** Who fails: one container, the containers of one workload, or the workloads. */
function subjectOf(findings: readonly ReviewFinding[]): string {
  const workloads = unique(findings.map(workloadOf));
  const containers = unique(findings.flatMap((f) => f.containers));
  const podLevel = findings.some((f) => f.containers.length === 0);
  if (workloads.length === 1) {
    if (containers.length === 1 && !podLevel) return `Container ${inlineCode(containers[0]!)}`;
    return workloads[0]!;
  }
  return workloadsOf(findings);
}

/**
 * What fails, as a reader counts it: one problem per check, but the checks
 * of one problem at two levels (procMount at the enforced baseline,
 * procMount_restricted at the warn level) are one, as the check run's row
 * says them.
 */
const problemOf = (f: ReviewFinding) => checkTitles[f.check].problem;

function headline(findings: readonly ReviewFinding[], docs: CheckDocs): string {
  const problems = unique(findings.map(problemOf));
  const levels = unique(findings.map((f) => f.level));
  // The link is the "why": the check's entry in the README's reference, or the reference of them all.
  const what =
    problems.length === 1
      ? `[${problems[0]!}](${docs.of(findings[0]!.check)})`
      : `${problems.length} ${levels.length === 1 ? `${levels[0]} ` : ''}[checks](${docs.all}) fail`;
  const blockingProblems = unique(findings.filter((f) => f.blocking).map(problemOf));
  const severity =
    blockingProblems.length === 0
      ? findings.every((f) => f.mode === 'preview')
        ? 'upgrade preview, not blocking'
        : 'not blocking'
      : blockingProblems.length < problems.length
        ? `${blockingProblems.length} blocking`
        : 'blocking';
  const old = findings.every((f) => f.preexisting) ? ', already failing before this change' : '';
  return `**${subjectOf(findings)}: ${what}** (${severity}${old})`;
}

/** One bullet per problem (problemOf): upstream's reason, and its detail when no suggestion shows what to set. */
function bullets(findings: readonly ReviewFinding[], suggested: boolean): string[] {
  const problems = unique(findings.map(problemOf));
  // A problem blocks when any of its checks does: marked only beside problems that do not.
  const mixed = unique(problems.map((problem) => findings.some((f) => f.blocking && problemOf(f) === problem))).length > 1;
  const someOld = findings.some((f) => f.preexisting) && !findings.every((f) => f.preexisting);
  return problems.map((problem) => {
    const of = findings.filter((f) => problemOf(f) === problem);
    // A detail that says which field to set is what the suggestion shows; other details (hostNetwork=true) stay,
    // those of workloads alike but for their containers' names said once.
    const shows = (f: ReviewFinding) => !(suggested && /\bmust (not )?set\b/.test(f.detail));
    const texts = unique(of.map((f) => f.reason)).flatMap((reason) => {
      const ofReason = of.filter((f) => f.reason === reason);
      const details = mergedByContainers(unique(ofReason.filter(shows).map((f) => f.detail)), shown.workloads);
      return [...(ofReason.some((f) => !shows(f)) ? [reason] : []), ...details.map((detail) => `${reason} (${detail})`)];
    });
    const messages = firstOf(unique(texts.map(escapeText)), shown.details);
    const marks = [...(mixed && of.some((f) => f.blocking) ? ['blocking'] : []), ...(someOld && of.every((f) => f.preexisting) ? ['already failing before'] : [])];
    return `- ${messages.first.join('; ')}${andMore(messages.more, 'alike')}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
  });
}

/**
 * A paragraph as an item of a Markdown list: its later lines (a list of
 * options, a rendered example's code block) indented under it, so that they
 * stay inside the item rather than become items, or leave the list.
 */
const listItem = (paragraph: string) => `- ${paragraph.split('\n').join('\n  ')}`;

/**
 * Why there is no suggestion, said once, then what to do per check. A
 * note's first paragraph is its reason, then come the guidance and an
 * illustrative example (fixes/notes.ts); the examples are shown when the
 * comment is about one check, where they cannot be mistaken for another's.
 */
function withoutSuggestion(findings: readonly ReviewFinding[]): string[] {
  const reasons: { readonly text: string; readonly check: string | null }[] = [];
  const written: string[] = [];
  const examples: string[] = [];
  // A rendered fix of the whole pod spec is every check's example: shown once, cut to the changes of them all.
  const sharing = new Map<string, ReviewFinding[]>();
  // A note another finding's note says (noteSaidBy) is left to it.
  const noted = new Set(findings.filter((f) => f.fix === null).map((f) => f.check));
  for (const f of findings) {
    const saidBy = noteSaidBy.get(f.check);
    if (f.fix !== null || (saidBy !== undefined && noted.has(saidBy))) continue;
    const paragraphs = (f.fixNote ?? '').split('\n\n').filter((p) => p.trim() !== '');
    // Fix notes open with why there is no fix; other notes (a PodSecurityPolicy's) are all guidance.
    // A fix not computed (a budget ran out) is a reason too: said as one, without its lead.
    if (/^No (suggestion|safe mechanical fix)/.test(paragraphs[0] ?? '') || paragraphs[0]?.startsWith(notComputedLead) === true) reasons.push({ text: paragraphs.shift()!, check: f.reason });
    for (const paragraph of paragraphs) {
      (paragraph.startsWith('Illustrative example') ? examples : written).push(paragraph);
      if (renderedExample(paragraph)) sharing.set(paragraph, [...(sharing.get(paragraph) ?? []), f]);
    }
  }
  const guidance = unique(written).map((paragraph) => (renderedExample(paragraph) ? shortExample(paragraph, sharing.get(paragraph)!) : paragraph));
  // A fix that exists but reaches lines outside the diff cannot be a suggestion here.
  const fixes = fixesWords(findings);
  if (fixes !== null) reasons.push({ text: `the fix changes lines outside this pull request's diff; ${fixes}.`, check: null });
  const single = unique(findings.map((f) => f.check)).length === 1;
  // Beside another check's rendered example, a reason says whose it is: "no safe mechanical fix" above an example of one reads as a contradiction.
  const whose = !single && guidance.some(renderedExample);
  const why = unique(reasons.map(({ text, check }) => {
    const reason = text.startsWith(notComputedLead) ? text.slice(notComputedLead.length).trimStart() : text.replace(/^No suggestion(?: here)?: /, '');
    return whose && check !== null ? `${check}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` : reason;
  }));
  const heading = why.length === 0 ? '' : why.length === 1 ? `**No suggestion:** ${why[0]}` : ['**No suggestion:**', ...why.map(listItem)].join('\n');
  // Examples illustrate (one per rendering that fails, on a line many render): a few say how.
  const { kept: advice, more } = fewExamples(guidance, renderedExample);
  const { kept: illustrations, more: moreIllustrations } = fewExamples(unique(examples), () => true);
  const fewer = more + moreIllustrations === 0 ? [] : [`_${more + moreIllustrations} more ${more + moreIllustrations === 1 ? 'example' : 'examples'} not shown._`];
  const todo = single ? [...advice, ...illustrations, ...fewer] : advice.length === 0 ? [] : [['**What to do:**', ...advice.map(listItem)].join('\n'), ...fewer];
  return [heading, ...todo].filter((p) => p !== '');
}

/** A rendered change that would fix the finding, shown as an example (render/mapReport.ts). */
const renderedExample = (paragraph: string) => /^The rendered manifest would be fixed by this change/.test(paragraph);

/** Words of a finding's detail that say no field: what every pod spec's message has. */
const plainWords: ReadonlySet<string> = new Set(['securityContext', 'must', 'set', 'not', 'include', 'container', 'containers', 'pod', 'the', 'and', 'type', 'uses', 'volume', 'volumes']);

/** The key of a changed line of a diff (`+  privileged: false`: privileged), or the item it lists (`-  - SYS_ADMIN`: SYS_ADMIN). */
function changedWord(line: string): string | null {
  if (!/^[-+]/.test(line)) return null;
  return /^\s*(?:-\s+)?["']?([A-Za-z0-9_]+)["']?\s*(?::|$)/.exec(line.slice(1))?.[1] ?? null;
}

/**
 * A rendered example (render/mapReport.ts) cut to the changes about the
 * findings it is the example of: a rendered fix that no source line takes
 * covers every check of its pod spec that it fixes together (DataDog's
 * agent: 60 lines for the system-probe's capabilities, most of them other
 * checks' seccompProfile). A change is theirs when a line it changes names
 * a field or value of one's detail (`capabilities`, `SYS_ADMIN`); those are
 * shown, as many as fit in a few lines (at least one), else the first
 * changes.
 */
function shortExample(paragraph: string, findings: readonly ReviewFinding[]): string {
  const parts = /^([^\n]*\n```diff\n)([\s\S]*)\n```$/.exec(paragraph);
  if (parts === null) return paragraph;
  const changes = parts[2]!.split('\n@@\n');
  const words = new Set(findings.flatMap((f) => f.detail.split(/[^A-Za-z0-9_]+/)).filter((word) => word.length >= 3 && !plainWords.has(word)));
  const own = changes.filter((change) => change.split('\n').some((line) => words.has(changedWord(line) ?? '')));
  const kept: string[] = [];
  let lines = 0;
  for (const change of own.length > 0 ? own : changes) {
    const length = change.split('\n').length;
    if (kept.length > 0 && lines + length > shown.exampleLines) break;
    kept.push(change);
    lines += length;
  }
  const left = changes.length - kept.length;
  if (left === 0) return paragraph;
  return `${parts[1]}${kept.join('\n@@\n')}\n\`\`\`\n_${left} more ${left === 1 ? 'change' : 'changes'} of this example (other checks' fixes among them) not shown._`;
}

/** The paragraphs with the examples among them (`isExample`) cut to the first few, and how many were left out. */
function fewExamples(paragraphs: readonly string[], isExample: (paragraph: string) => boolean): { readonly kept: string[]; readonly more: number } {
  let seen = 0;
  const kept = paragraphs.filter((p) => !isExample(p) || ++seen <= shown.examples);
  return { kept, more: paragraphs.length - kept.length };
}

const modeWords: Record<ReviewFinding['mode'], string> = { enforce: 'enforced level', warn: 'warn level', audit: 'audit level', preview: 'upgrade preview' };

/**
 * Where the level comes from, collapsed, when it says more than the
 * headline: a level set by a namespace label, a config rule or a flag,
 * several workloads, or an opt-out that does not count.
 */
function provenance(findings: readonly ReviewFinding[]): string | null {
  const notes = unique(findings.map((f) => f.optOutNote).filter((n): n is string => n !== null)).map((n) => `_${escapeText(n)}_`);
  const workloads = unique(findings.map(workloadOf));
  if (notes.length === 0 && workloads.length === 1 && findings.every((f) => f.levelSource.kind === 'default')) return null;
  const bySource = new Map<string, ReviewFinding[]>();
  for (const f of findings) {
    const source = `(${f.status}): \`${f.level}:${f.version}\`, the ${modeWords[f.mode]}, from ${escapeText(f.levelSource.detail)}.`;
    bySource.set(source, [...(bySource.get(source) ?? []), f]);
  }
  const lines = [...bySource].map(([source, of]) => `${workloadsOf(of)} ${source}`);
  return ['<details><summary>Where the level comes from</summary>', '', ...lines, ...notes, '</details>'].join('\n');
}

/**
 * Findings of a Helm chart or Kustomize overlay: which root rendered them,
 * and, when no source line is certain to write the value, the rendered
 * lines, so the reviewer sees what the pull request produces.
 */
function renderedFrom(findings: readonly ReviewFinding[], at: CommentLines | undefined): string | null {
  const rendered = findings.map((f) => f.rendered).filter((r) => r !== undefined);
  if (rendered.length === 0) return null;
  // Each tool named once, as workloads are by kind: overlays that share a base often fail on its one line together.
  const roots = firstRootsByTool(rendered, shown.roots, inlineCode);
  const snippets = unique(rendered.map((r) => r.snippet).filter((s): s is string => s !== null));
  // On a line the change wrote elsewhere (reviewPlan.ts): the line of its chart or overlay the finding is on (the value's, or where a missing one belongs).
  const away = findings.filter((f) => at !== undefined && !onCommentLines(f, at));
  const elsewhere = unique(away.map((f) => `${inlineCode(f.file)} line ${f.line}${f.rendered?.values === undefined ? '' : ` (the value from ${inlineCode(f.rendered.values.file)} line ${f.rendered.values.line})`}`));
  const where = away.every((f) => f.rendered?.tool === 'kustomize') ? 'overlay' : 'chart';
  const written = elsewhere.length === 0 ? '' : ` Its line in the ${where}: ${elsewhere.slice(0, 3).join(', ')}${elsewhere.length > 3 ? ', …' : ''}.`;
  const line = `_Rendered by ${roots}._${written}`;
  if (snippets.length === 0) return line;
  const fence = fenceFor(snippets.join('\n'));
  return [`<details><summary>Rendered by ${roots}: no line here writes the value; the rendered manifest reads</summary>`, '', ...snippets.map((snippet) => `${fence}yaml\n${snippet}\n${fence}`), '</details>'].join('\n');
}

/**
 * The caveats of an edit at a shared node, said once: notes that differ
 * only in why the node is shared (an anchor, a merge key) become one
 * sentence with both reasons.
 */
function sharedCaveats(notes: readonly string[]): string[] {
  const byConsequence = new Map<string, string[]>();
  for (const note of unique(notes)) {
    const parts = new RegExp(`^${sharedCaveatLead} \\((.*?)\\); (.*)$`, 's').exec(note);
    // A note of another shape is kept as it is.
    const [reason, consequence] = parts ? [parts[1]!, parts[2]!] : [null, note];
    byConsequence.set(consequence, [...(byConsequence.get(consequence) ?? []), ...(reason === null ? [] : [reason])]);
  }
  return [...byConsequence].map(([consequence, reasons]) => (reasons.length === 0 ? consequence : `${sharedCaveatLead} (${unique(reasons).join('; ')}); ${consequence}`));
}

/** The lines a comment is on. */
export interface CommentLines {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** Whether a finding is on the comment's lines: its own line, or one of its locations'. */
function onCommentLines(f: ReviewFinding, { path, start, end }: CommentLines): boolean {
  const within = (line: number) => line >= start && line <= end;
  return f.file === path && (within(f.line) || f.locations.some((l) => within(l.line)));
}

/** `at`: the lines the comment is on, when they may be other than its findings' (reviewPlan.ts: a line the change wrote elsewhere). */
export function commentBody(findings: readonly ReviewFinding[], suggestion: SuggestionLike | null, docs: CheckDocs = readmeDocs, at?: CommentLines): string {
  const alert = findings.some((f) => f.blocking) ? 'CAUTION' : 'WARNING';
  const parts = [`> [!${alert}]\n> ${headline(findings, docs)}`, bullets(findings, suggestion !== null).join('\n')];
  if (suggestion) {
    const caution = cautionFor(findings.filter((f) => f.fix !== null));
    const shared = sharedCaveats(findings.map((f) => f.fixNote ?? '').filter((n) => n.includes(sharedCaveatLead)).map((n) => n.slice(n.indexOf(sharedCaveatLead))));
    parts.push([suggestionBlock(suggestion), ...deletionNote(suggestion), ...(caution ? [`**Caution:** ${caution}`] : []), ...shared].join('\n'));
  } else parts.push(...withoutSuggestion(findings));
  const where = provenance(findings);
  if (where !== null) parts.push(where);
  // A suggestion shows the lines to change; without one, a comment away from the findings' lines names them.
  const from = renderedFrom(findings, suggestion === null ? at : undefined);
  if (from !== null) parts.push(from);
  const marker = fingerprintMarker(unique(findings.map((f) => fingerprint(f))));
  // The marker must survive truncation: it is what makes re-runs quiet.
  return `${truncateChars(parts.join('\n\n'), maxCommentChars - marker.length - 2)}\n\n${marker}`;
}

/** A comment on a file the check could not read, which fails the check until it can. */
export function problemCommentBody(problems: readonly LoadProblem[]): string {
  const file = problems[0]!.file;
  const parts = [
    `> [!CAUTION]\n> **${inlineCode(file)} could not be checked** (blocking)`,
    unique(problems.map((p) => `- ${messageText(p.message)}`)).join('\n'),
    'The check fails until the file can be read as Kubernetes manifests: none of its pod specs were evaluated.',
  ];
  const marker = fingerprintMarker(unique(problems.map(problemFingerprint)));
  return `${truncateChars(parts.join('\n\n'), maxCommentChars - marker.length - 2)}\n\n${marker}`;
}
