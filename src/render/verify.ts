/**
 * Suggestions on source lines, verified (pure, with the render port
 * injected): the edited file is rendered again and the pod spec evaluated
 * again; the suggestion stands only when the object is still rendered (a
 * name helm writes anew each time is followed by its template), the
 * finding's check no longer fails for it, and no check fails that did not
 * before. Edits that change only their own object share a rendering
 * (batchesOf): a base's twelve Deployments cost one rendering per overlay,
 * not twelve.
 */
import { evaluateFiles } from '../findings/evaluateFiles.js';
import type { Finding } from '../findings/types.js';
import type { PolicyContext } from '../findings/policyContext.js';
import type { DiffFinding, DiffReport } from '../scope/types.js';
import type { MappedReport, SuggestionCandidate } from './mapReport.js';
import type { RenderPort } from './types.js';
import { addTo } from '../multiMap.js';
import { sourceComments } from './helmMap.js';
import { sourceChangesDiff } from './exampleDiff.js';
import { linesText } from '../fixes/text.js';
import { loadManifestFile, renderedLoadOptions } from '../manifests/load.js';
import { isObject } from '../pss/pod.js';
import { notComputedLead, verificationFailed } from '../fixes/notes.js';
import type { JsonValue } from '../pss/types.js';
import { errorMessage } from '../errorMessage.js';

const objectKey = (f: Pick<Finding, 'kind' | 'namespace' | 'name'>) => `${f.kind}\u0000${f.namespace ?? ''}\u0000${f.name}`;

/** What a rendering's pod specs fail. */
interface RenderingChecks {
  /** The checks each object fails, by objectKey; an object that passes them all has an empty set, one not rendered none. */
  readonly byObject: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each object's template, as helm's `# Source:` comment names it, by objectKey (kustomize writes none). */
  readonly sourceOf: ReadonlyMap<string, string>;
  /** The objects of each kind, namespace and template (sourceKey). */
  readonly bySource: ReadonlyMap<string, readonly string[]>;
  /** Every object of the rendering as its JSON, by objectKey (a repeated one with its place), to tell which ones an edit changed: read when first asked. */
  objects(): ReadonlyMap<string, string>;
}

const sourceKey = (kind: string, namespace: string | null, source: string) => `${kind}\u0000${namespace ?? ''}\u0000${source}`;

function renderingChecks(text: string, policy: PolicyContext): RenderingChecks {
  // Read as the pull request's rendering was (scope.ts): a rendering over the file size limit verified nothing.
  const report = evaluateFiles([{ path: 'rendered.yaml', content: text }], { policy, load: renderedLoadOptions() });
  const sourceAt = sourceComments(text);
  const byObject = new Map<string, Set<string>>();
  const sourceOf = new Map<string, string>();
  const bySource = new Map<string, string[]>();
  for (const pod of report.podSpecs) {
    const key = objectKey(pod);
    byObject.set(key, new Set());
    const source = sourceAt(pod.line);
    if (source === null) continue;
    sourceOf.set(key, source);
    addTo(bySource, sourceKey(pod.kind, pod.namespace, source), key);
  }
  for (const f of report.findings) {
    const key = objectKey(f);
    byObject.set(key, (byObject.get(key) ?? new Set()).add(f.check));
  }
  // Only a deletion asks which objects changed: most verifications never read them.
  let objects: Map<string, string> | undefined;
  return { byObject, sourceOf, bySource, objects: () => (objects ??= objectsIn(text)) };
}

/**
 * Every object of a rendering as its JSON, by objectKey (a repeated one with
 * its place). The name is in the key only: an object whose template writes
 * its name anew each time (a chart's test pod, `-test-{{ randAlphaNum 5 }}`)
 * is compared with its match by template (renamedIn) on everything else.
 */
function objectsIn(text: string): Map<string, string> {
  const objects = new Map<string, string>();
  for (const [i, document] of loadManifestFile('rendered.yaml', text, renderedLoadOptions()).documents.entries()) {
    const value = document.value;
    const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
    const key = objectKey({ kind: isObject(value) && typeof value.kind === 'string' ? value.kind : '', namespace: typeof metadata.namespace === 'string' ? metadata.namespace : null, name: typeof metadata.name === 'string' ? metadata.name : '' });
    const unnamed = { ...metadata };
    delete unnamed.name;
    objects.set(objects.has(key) ? `${key}\u0000${i}` : key, JSON.stringify(isObject(value) ? { ...value, metadata: unnamed } : value));
  }
  return objects;
}

/** Whether every object of the first rendering but `own` (null: every one) is in the second as it was, and the second has no other. */
function othersUnchanged(before: RenderingChecks, after: RenderingChecks, own: string | null, anew: ReadonlySet<string> = noKeys): boolean {
  const [was, now] = [before.objects(), after.objects()];
  if (was.size !== now.size) return false;
  for (const [key, json] of was) if (key !== own && !anew.has(key) && objectIn(before, after, key) !== json) return false;
  return true;
}

/** The JSON of an object of the first rendering as the second has it: by its key, else by its template when renamed (renamedIn). */
function objectIn(before: RenderingChecks, after: RenderingChecks, key: string): string | undefined {
  const now = after.objects();
  return now.get(key) ?? now.get(renamedIn(before, after, key) ?? '');
}

const noKeys: ReadonlySet<string> = new Set();

/** The objects a tool writes anew at each rendering (a chart's `randAlphaNum` password): those the head's two renderings differ in. */
function writtenAnew(head: RenderingChecks, again: RenderingChecks | null): ReadonlySet<string> {
  if (again === null) return noKeys;
  const [first, second] = [head.objects(), again.objects()];
  return new Set([...first].filter(([key, json]) => second.get(key) !== json).map(([key]) => key));
}

/**
 * The key in another rendering of an object of the first whose name its
 * template writes anew at each rendering (as charts' test pods): the one
 * object of its kind, namespace and template in each; undefined when that
 * is not so.
 */
function renamedIn(before: RenderingChecks, after: RenderingChecks, key: string): string | undefined {
  const source = before.sourceOf.get(key);
  if (source === undefined) return undefined;
  const [kind = '', namespace = ''] = key.split('\u0000');
  const where = sourceKey(kind, namespace === '' ? null : namespace, source);
  const [was, ...more] = before.bySource.get(where) ?? [];
  const [now, ...others] = after.bySource.get(where) ?? [];
  return was === key && more.length === 0 && others.length === 0 ? now : undefined;
}

/**
 * The checks an object of the first rendering fails in another: found by
 * kind, namespace and name, else (a name its template writes anew at each
 * rendering, as charts' test pods) by kind, namespace and template when
 * each rendering has one object alone there. Null when it is not rendered:
 * a check that no longer runs is not a fix.
 */
function checksOfObject(before: RenderingChecks, after: RenderingChecks, object: Pick<Finding, 'kind' | 'namespace' | 'name'>): ReadonlySet<string> | null {
  const key = objectKey(object);
  const found = after.byObject.get(key);
  if (found !== undefined) return found;
  const renamed = renamedIn(before, after, key);
  return renamed === undefined ? null : (after.byObject.get(renamed) ?? null);
}

/** The text with each candidate's lines replaced (candidates of one file that never overlap). */
function replaceLines(text: string, candidates: readonly Pick<SuggestionCandidate, 'startLine' | 'endLine' | 'newLines'>[]): string {
  const lines = text.split('\n');
  // From the last: each splice leaves the line numbers above it as they were.
  for (const { startLine, endLine, newLines } of [...candidates].sort((a, b) => b.startLine - a.startLine)) lines.splice(startLine - 1, endLine - startLine + 1, ...newLines);
  return lines.join('\n');
}

/** Candidates verified in one rendering: their edits, by file. */
type Batch = readonly SuggestionCandidate[];

const overlaps = (a: SuggestionCandidate, b: SuggestionCandidate) => a.file === b.file && a.startLine <= b.endLine && b.startLine <= a.endLine;

/**
 * The renderings to verify the candidates in. A candidate whose edit
 * changes its own object only (`ownObject`) shares one with those of the
 * same root that edit other objects, on lines apart: each object is then
 * rendered as it would be with its own edit alone. The others (a values
 * line many objects read, a patch with a target) are verified alone, as
 * is each distinct edit of one object. Candidates with the same edit
 * (the findings one suggestion fixes) are one.
 */
function batchesOf(candidates: readonly SuggestionCandidate[], findings: readonly Finding[]): Map<string, Batch> {
  const batchOf = new Map<string, Batch>();
  // A batch's members by file: only those of the same file can overlap (most files hold one object).
  type Open = { members: SuggestionCandidate[]; objects: Set<string>; byFile: Map<string, SuggestionCandidate[]> };
  const open = new Map<string, Open[]>();
  for (const candidate of candidates) {
    const key = editKey(candidate);
    if (batchOf.has(key)) continue;
    const root = candidate.rendering.rendered.root.label;
    const object = objectKey(findings[candidate.finding]!);
    const batches = candidate.ownObject === true ? (open.get(root) ?? []) : [];
    let batch = batches.find((b) => !b.objects.has(object) && !(b.byFile.get(candidate.file) ?? []).some((member) => overlaps(member, candidate)));
    if (batch === undefined) {
      batch = { members: [], objects: new Set(), byFile: new Map() };
      if (candidate.ownObject === true) open.set(root, [...batches, batch]);
    }
    batch.members.push(candidate);
    batch.objects.add(object);
    addTo(batch.byFile, candidate.file, candidate);
    batchOf.set(key, batch.members);
  }
  return batchOf;
}

/** A finding placed where its fix is written: the line is certain (the values key that writes the field's map), the field is not on it. */
function placedAt(finding: DiffFinding, file: string, line: number, inDiff: boolean): DiffFinding {
  const rendered = finding.rendered === undefined ? {} : { rendered: { ...finding.rendered, sourceFile: file, sourceLine: line, exact: true, snippet: null } };
  return { ...finding, file, line, locations: finding.locations.map((location) => ({ ...location, line, column: 1, exact: false, inDiff })), ...rendered };
}

/** A candidate's lines, whichever rendering it was made for. */
const changeKey = (candidate: SuggestionCandidate) => JSON.stringify([candidate.file, candidate.startLine, candidate.endLine, candidate.newLines, candidate.also ?? []]);

/** A candidate's edit in its rendering: two deletions from the same line differ by where they end. */
const editKey = (candidate: SuggestionCandidate) => `${candidate.rendering.rendered.root.label}\u0000${changeKey(candidate)}`;

/**
 * How many renderings one root's suggestions may cost to verify, unless
 * the caller says otherwise (`fix` has no limit). A base that many
 * components patch gives each object several edits, each rendered apart,
 * in every overlay that uses it (sourcegraph's privileged overlays: 13
 * each); past the limit, a run would grow with the square of an overlay's
 * size. The findings left unverified keep every detail, and say so.
 */
export const verificationsPerRoot = 24;

/**
 * The batches rendered to verify candidates, at most `limit` a root: those
 * of blocking findings first, then in the candidates' order.
 */
function allowedBatches(candidates: readonly SuggestionCandidate[], findings: readonly Finding[], batchOf: ReadonlyMap<string, Batch>, limit: number): ReadonlySet<Batch> {
  const allowed = new Set<Batch>();
  const spent = new Map<string, number>();
  const blockingFirst = [...candidates].sort((a, b) => Number(findings[b.finding]!.blocking) - Number(findings[a.finding]!.blocking));
  for (const candidate of blockingFirst) {
    const batch = batchOf.get(editKey(candidate))!;
    const root = candidate.rendering.rendered.root.label;
    if (allowed.has(batch) || (spent.get(root) ?? 0) >= limit) continue;
    allowed.add(batch);
    spent.set(root, (spent.get(root) ?? 0) + 1);
  }
  return allowed;
}

/** Said of a finding whose suggestions were left unverified: its root's renderings for verifying had run out. */
export function verificationsSpent(root: string, limit: number): string {
  return `${notComputedLead} verifying its suggestion would render \`${root}\` more than ${limit} ${limit === 1 ? 'time' : 'times'}, the limit for one rendering in a run; the finding itself is complete. \`pod-security-review fix\` has no limit and computes it.`;
}

/**
 * verifySuggestions, or, when it throws (a bug: a rendering that fails is a
 * value), the report as mapped without the suggestions it would have
 * verified, each finding that had some saying why. As placedOnSources keeps
 * the findings through a bug in placing them, this keeps them through one
 * in verifying their suggestions.
 */
export async function suggestionsVerified(mapped: MappedReport, port: RenderPort, policy: PolicyContext, limit = verificationsPerRoot): Promise<DiffReport> {
  try {
    return await verifySuggestions(mapped, port, policy, limit);
  } catch (error) {
    const note = verificationFailed(errorMessage(error));
    const withCandidates = new Set(mapped.candidates.map((candidate) => candidate.finding));
    const findings = mapped.report.findings.map((finding, index) => (withCandidates.has(index) ? { ...finding, fixNote: finding.fixNote === null ? note : `${note}\n\n${finding.fixNote}` } : finding));
    return { ...mapped.report, findings };
  }
}

export async function verifySuggestions(mapped: MappedReport, port: RenderPort, policy: PolicyContext, limit = verificationsPerRoot): Promise<DiffReport> {
  const findings: DiffFinding[] = [...mapped.report.findings];
  const batchOf = batchesOf(mapped.candidates, mapped.report.findings);
  const allowed = allowedBatches(mapped.candidates, mapped.report.findings, batchOf, limit);
  // The findings some of whose candidates were not verified, with their roots: said so when none of the others fixes them.
  const unverified = new Map<number, string>();
  const outcomes = new Map<Batch | string, Promise<RenderingChecks | null>>();
  const before = new Map<string, RenderingChecks>();
  const render = (batch: Batch): Promise<RenderingChecks | null> => {
    const byFile = new Map<string, Pick<SuggestionCandidate, 'startLine' | 'endLine' | 'newLines'>[]>();
    for (const candidate of batch) for (const change of [candidate, ...(candidate.also ?? [])]) addTo(byFile, change.file, change);
    const edits = new Map<string, string>();
    for (const [file, ofFile] of byFile) {
      const text = mapped.sources.get(file);
      if (text === undefined) return Promise.resolve(null);
      edits.set(file, replaceLines(text, ofFile));
    }
    return port.renderEdited(batch[0]!.rendering.rendered.root, edits).then((output) => (output.kind === 'rendered' ? renderingChecks(output.text, policy) : null));
  };
  const outcomeOf = (key: Batch | string, batch: Batch) => {
    let outcome = outcomes.get(key);
    if (outcome === undefined) {
      outcome = render(batch);
      outcomes.set(key, outcome);
    }
    return outcome;
  };
  const verify = async (candidate: SuggestionCandidate) => {
    const key = editKey(candidate);
    const batch = batchOf.get(key)!;
    if (!allowed.has(batch)) {
      unverified.set(candidate.finding, candidate.rendering.rendered.root.label);
      return null;
    }
    // A rendering that fails with the others' edits too: this edit alone says whether the failure is its own.
    return (await outcomeOf(batch, batch)) ?? (batch.length > 1 ? outcomeOf(key, [candidate]) : null);
  };
  // Every rendering asked for at once: the port runs as many side by side as it can.
  const outcomesInOrder = await Promise.all(mapped.candidates.map(verify));
  const bases = new Map<string, BaseRendering | null>();
  const fixes = (candidate: SuggestionCandidate, after: RenderingChecks, finding: DiffFinding): boolean => {
    const { root, base, headAgain } = candidate.rendering.rendered;
    if (!before.has(root.label)) before.set(root.label, renderingChecks(candidate.rendering.text, policy));
    // What the base commit rendered, for a revert to give back (read only for one).
    if (candidate.revert === true && !bases.has(root.label)) {
      const again = headAgain?.kind === 'rendered' ? renderingChecks(headAgain.text, policy) : null;
      bases.set(root.label, base.kind === 'rendered' ? { checks: renderingChecks(base.text, policy), anew: writtenAnew(before.get(root.label)!, again) } : null);
    }
    return fixesFinding(before.get(root.label)!, after, candidate, finding, bases.get(root.label) ?? null);
  };
  const chosen = new Map<number, SuggestionCandidate>();
  const accept = (candidate: SuggestionCandidate, index: number, caveat = candidate.caveat) => {
    const finding = mapped.report.findings[index]!;
    const fix = {
      startLine: candidate.startLine,
      endLine: candidate.endLine,
      // No lines at all: the suggestion deletes the lines it covers.
      replacement: linesText(candidate.newLines),
      attachable: mapped.inOneHunk(candidate.file, candidate.startLine, candidate.endLine),
    };
    // A fix in another file than the line found (a chart's values, for a field its template takes from them) takes the finding there.
    const placed = candidate.file === finding.file ? finding : placedAt(finding, candidate.file, candidate.startLine, mapped.inOneHunk(candidate.file, candidate.startLine, candidate.startLine));
    findings[index] = { ...placed, fix, fixNote: caveat };
    chosen.set(index, candidate);
  };
  const outcomeOfCandidate = new Map<SuggestionCandidate, RenderingChecks>();
  const examples = new Map<number, SuggestionCandidate>();
  for (const [c, candidate] of mapped.candidates.entries()) {
    // As mapped, not as an earlier candidate left it: a later one that fixes it too (a smaller one) places it anew.
    const after = outcomesInOrder[c] ?? null;
    if (after === null || !fixes(candidate, after, mapped.report.findings[candidate.finding]!)) continue;
    // A revert the diff can take as a suggestion stays, against a fix it cannot (a line outside the diff).
    if (chosen.get(candidate.finding)?.revert === true && !mapped.inOneHunk(candidate.file, candidate.startLine, candidate.endLine)) continue;
    // Changes too far apart for one suggestion: an example, for a finding no suggestion fixes.
    if (candidate.also !== undefined) examples.set(candidate.finding, candidate);
    else {
      accept(candidate, candidate.finding);
      outcomeOfCandidate.set(candidate, after);
    }
  }
  for (const [index, root] of unverified) {
    if (chosen.has(index) || examples.has(index)) continue;
    const own = findings[index]!.fixNote;
    findings[index] = { ...findings[index]!, fixNote: own === null ? verificationsSpent(root, limit) : `${verificationsSpent(root, limit)}\n\n${own}` };
  }
  for (const [index, example] of examples) {
    if (chosen.has(index)) continue;
    const parts = [example, ...(example.also ?? [])];
    const diff = sourceChangesDiff(parts, (file) => mapped.sources.get(file));
    if (diff === null) continue;
    const fixParts = parts.map(({ file, startLine, endLine, newLines }) => ({ file, startLine, endLine, replacement: linesText(newLines) }));
    findings[index] = { ...findings[index]!, fixNote: partsNote(example, diff), fixParts };
  }
  // Two suggestions of one object over the same lines cannot both be committed: a finding whose
  // suggestion lies within another finding's takes that one instead, when its rendering fixes it too.
  const suggested = [...new Set(chosen.values())];
  for (const [index, own] of chosen) {
    const finding = mapped.report.findings[index]!;
    const wider = widestAround(own, suggested, (other) => objectKey(mapped.report.findings[other.finding]!) === objectKey(finding) && fixes(other, outcomeOfCandidate.get(other)!, finding));
    // The caveat is the finding's own: what its check's fix may cost (the edit is a larger one).
    if (wider !== null) accept(wider, index, own.caveat);
  }
  // Renderings of one chart (values.yaml alone, and with an environment's file on top), and the objects of one rendering
  // (spire's Deployment and its pre-delete Job, one `podSecurityContext`), read the same values lines, and suggestions
  // of theirs over the same lines that differ cannot both be committed: one stands for the others' findings
  // when, rendered in each of their renderings, it fixes them there too (vault's whole map, not the part of it that an
  // environment taking neither branch needs, which would drop the defaults of the chart's own rendering).
  for (const group of rivalGroups(chosen)) {
    const rivals = [...new Map(group.map(([, candidate]) => [changeKey(candidate), candidate])).values()].sort((a, b) => b.newLines.length - a.newLines.length);
    for (const rival of rivals) {
      const others = group.filter(([, own]) => changeKey(own) !== changeKey(rival));
      const holds = await Promise.all(
        others.map(async ([index, own]) => {
          // The rival's lines, judged in the other finding's rendering, with what that finding's fix must keep there.
          const there: SuggestionCandidate = { ...rival, rendering: own.rendering, finding: own.finding, keeps: own.keeps, keepsOthers: own.keepsOthers, revert: own.revert };
          // Rendered once per rendering, however many of its findings the rival is judged for.
          const after = await outcomeOf(editKey(there), [there]);
          return after !== null && fixes(there, after, mapped.report.findings[index]!);
        }),
      );
      if (!holds.every(Boolean)) continue;
      for (const [index, own] of others) accept(rival, index, own.caveat);
      break;
    }
  }
  return { ...mapped.report, findings };
}

/** The findings whose chosen suggestions cover the same lines of a file as another rendering's different one, by those lines. */
function rivalGroups(chosen: ReadonlyMap<number, SuggestionCandidate>): [number, SuggestionCandidate][][] {
  const byLines = new Map<string, [number, SuggestionCandidate][]>();
  for (const entry of chosen) addTo(byLines, `${entry[1].file}\u0000${entry[1].startLine}\u0000${entry[1].endLine}`, entry);
  return [...byLines.values()].filter((group) => new Set(group.map(([, candidate]) => changeKey(candidate))).size > 1);
}

/** The note of a finding whose verified fix is changes too far apart for one suggestion: what they are, as a diff, and the caveat. */
function partsNote(example: SuggestionCandidate, diff: string): string {
  const count = 1 + (example.also?.length ?? 0);
  const files = [...new Set([example.file, ...(example.also ?? []).map((change) => change.file)])].map((file) => `\`${file}\``).join(', ');
  const note = `No suggestion: the fix is ${count} changes of ${files}, too far apart for one; together they fix it (verified by rendering again):\n\`\`\`diff\n${diff}\n\`\`\``;
  // A paragraph of its own: the review says the shared reason once, and each check's caveat apart.
  return example.caveat === null ? note : `${note}\n\n${example.caveat}`;
}

/** What the base commit rendered, for a revert to give back, and the objects written anew at each rendering, which no two renderings share. */
interface BaseRendering {
  readonly checks: RenderingChecks;
  readonly anew: ReadonlySet<string>;
}

/**
 * Whether the rendering made with the candidate's edit fixes the finding:
 * its object still there, its check passing, nothing new failing; and, for
 * an edit that other objects may read (keepsOthers), no other object changed.
 */
function fixesFinding(before: RenderingChecks, after: RenderingChecks, candidate: SuggestionCandidate, finding: DiffFinding, base: BaseRendering | null): boolean {
  // A revert that gives back what the base commit rendered, object for object, undoes what the change did there and nothing
  // else: it fixes a finding the base did not have, however many objects the line renders into (a library chart's helper).
  if (candidate.revert === true && base !== null && othersUnchanged(base.checks, after, null, base.anew)) return base.checks.byObject.get(objectKey(finding))?.has(finding.check) !== true;
  const was = before.byObject.get(objectKey(finding)) ?? new Set<string>();
  const now = checksOfObject(before, after, finding);
  if (candidate.keepsOthers === true && !othersUnchanged(before, after, objectKey(finding))) return false;
  if (now === null || now.has(finding.check) || ![...now].every((check) => was.has(check))) return false;
  // Read only for an edit that fixes the finding: the objects of both renderings are loaded for it.
  return candidate.keeps === undefined || !losesFields(before, after, finding, candidate.keeps);
}

/**
 * Whether the finding's object, rendered with the edit, lacks a field it
 * had that `keeps` (the object as the fix means it) has too: a key of a
 * map, down through maps (a list or a scalar may change, as a fix changes
 * them). An object no longer rendered is the caller's to judge.
 */
function losesFields(before: RenderingChecks, after: RenderingChecks, finding: DiffFinding, keeps: JsonValue): boolean {
  const key = objectKey(finding);
  const was = before.objects().get(key);
  const now = objectIn(before, after, key);
  if (was === undefined || now === undefined) return false;
  const lost = (had: JsonValue, kept: JsonValue, has: JsonValue): boolean => {
    if (!isObject(had) || !isObject(kept)) return false;
    if (!isObject(has)) return true;
    return Object.keys(had).some((k) => k in kept && (!(k in has) || lost(had[k]!, kept[k]!, has[k]!)));
  };
  return lost(JSON.parse(was) as JsonValue, keeps, JSON.parse(now) as JsonValue);
}

/** The widest of the other suggestions of `own`'s rendering and file whose lines hold all of `own`'s, among those `fits` takes; null for none. */
function widestAround(own: SuggestionCandidate, suggested: readonly SuggestionCandidate[], fits: (other: SuggestionCandidate) => boolean): SuggestionCandidate | null {
  let widest: SuggestionCandidate | null = null;
  for (const other of suggested) {
    const around = other.rendering === own.rendering && other.file === own.file && other.startLine <= own.startLine && own.endLine <= other.endLine && editKey(other) !== editKey(own);
    if (around && (widest === null || other.endLine - other.startLine > widest.endLine - widest.startLine) && fits(other)) widest = other;
  }
  return widest;
}
