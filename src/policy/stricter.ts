/**
 * A pull request cannot relax the policy that judges it (pure).
 *
 * Every policy input the pull request can change (Namespace labels, the
 * path, namespace and name config rules match, opt-out annotations) is
 * resolved at base as well as at head. A changed pod spec is judged under
 * the stricter of the two, so a lowered label, a move into a lenient
 * namespace or path, or a new opt-out cannot let it through; the relaxation
 * itself is reported where it is written, for a human who may lower the bar
 * to approve.
 *
 * "Stricter" per mode: the higher level with its version; at the same
 * level, the newer version. An exemption or a
 * disabled check holds only when it holds on both sides. Opt-outs follow
 * `opt-outs`: `any` honours the head's, `base-only` (default) only those
 * already at base for the same check, `none` none at all.
 */
import { formatLevelVersion, levelRank } from '../pss/levels.js';
import type { CheckId, LevelVersion, Version } from '../pss/types.js';
import type { AnnotationOptOut, DisabledCheck, LevelSource, PolicyConfig, PolicyOverrides, ResolvedPolicy } from './types.js';

export type OptOutsRule = 'base-only' | 'any' | 'none';
export type PolicyChangesRule = 'block' | 'warn';

export const optOutsRules: readonly OptOutsRule[] = ['base-only', 'any', 'none'];
export const policyChangesRules: readonly PolicyChangesRule[] = ['block', 'warn'];

/** Newer first: -1 when a is older than b, 0 equal, 1 newer; `latest` is the newest. */
export function compareVersions(a: Version, b: Version): number {
  if (a === b) return 0;
  if (a === 'latest') return 1;
  if (b === 'latest') return -1;
  return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
}

/** `a` checks less than `b`: a lower level, or the same level at an older version. */
export function isLaxer(a: LevelVersion, b: LevelVersion): boolean {
  const rank = levelRank(a.level) - levelRank(b.level);
  if (rank !== 0) return rank < 0;
  return a.level !== 'privileged' && compareVersions(a.version, b.version) < 0;
}

function atBase(source: LevelSource): LevelSource {
  return { ...source, detail: `${source.detail}, at the base commit` };
}

/**
 * The stricter of two modes: the higher level, as that side has it; at the
 * same level, the newer version (versions are not ordered across levels,
 * and a team's pinned version is kept with its level).
 */
function stricterMode(base: LevelVersion, baseSource: LevelSource, head: LevelVersion, headSource: LevelSource): { lv: LevelVersion; source: LevelSource } {
  const rank = levelRank(head.level) - levelRank(base.level);
  const fromHead = rank > 0 || (rank === 0 && (head.level === 'privileged' || compareVersions(head.version, base.version) >= 0));
  return fromHead ? { lv: head, source: headSource } : { lv: base, source: atBase(baseSource) };
}

function sameDisable(a: DisabledCheck, b: DisabledCheck): boolean {
  return a.check === b.check && (b.images === null || a.at === b.at);
}

export interface OptOutReview {
  /** The opt-outs as they count under the rule. */
  readonly optOuts: readonly AnnotationOptOut[];
  /** Opt-outs the change adds that would be honoured by themselves, with the checks it adds: a relaxation under `base-only`. */
  readonly added: readonly { readonly optOut: AnnotationOptOut; readonly checks: readonly CheckId[] }[];
}

/**
 * The head's opt-outs under the rule. With `base-only`, an opt-out counts
 * for a check only when the base object already had an honoured one for it;
 * the rest is split off as not honoured, and reported as added.
 */
export function reviewOptOuts(head: readonly AnnotationOptOut[], base: readonly AnnotationOptOut[], rule: OptOutsRule): OptOutReview {
  if (rule !== 'base-only') return { optOuts: head, added: [] };
  const atBaseChecks = new Set(base.filter((o) => o.status === 'honoured').flatMap((o) => o.checks));
  const optOuts: AnnotationOptOut[] = [];
  const added: { optOut: AnnotationOptOut; checks: CheckId[] }[] = [];
  for (const optOut of head) {
    const fresh = optOut.status === 'honoured' ? optOut.checks.filter((c) => !atBaseChecks.has(c)) : [];
    if (fresh.length === 0) {
      optOuts.push(optOut);
      continue;
    }
    const kept = optOut.checks.filter((c) => atBaseChecks.has(c));
    if (kept.length > 0) optOuts.push({ ...optOut, checks: kept });
    const message = `not honoured: the pull request adds this opt-out, and opt-outs: base-only honours only those already at the base commit`;
    optOuts.push({ ...optOut, checks: fresh, status: 'added', message });
    added.push({ optOut, checks: fresh });
  }
  return { optOuts, added };
}

/** The stricter of the base and head policies of one pod spec (opt-outs: see reviewOptOuts). */
export function stricterPolicy(base: ResolvedPolicy, head: ResolvedPolicy, optOuts: readonly AnnotationOptOut[]): ResolvedPolicy {
  const enforce = stricterMode(base.enforce, base.levelSource, head.enforce, head.levelSource);
  const warn = stricterMode(base.warn, base.warnSource, head.warn, head.warnSource);
  let audit: { lv: LevelVersion; source: LevelSource } | null = null;
  if (base.audit && base.auditSource && head.audit && head.auditSource) audit = stricterMode(base.audit, base.auditSource, head.audit, head.auditSource);
  else if (head.audit && head.auditSource) audit = { lv: head.audit, source: head.auditSource };
  else if (base.audit && base.auditSource) audit = { lv: base.audit, source: atBase(base.auditSource) };
  const preview = enforce.lv.level === 'privileged' ? null : (head.preview ?? base.preview);
  return {
    ...head,
    enforce: enforce.lv,
    levelSource: enforce.source,
    warn: warn.lv,
    warnSource: warn.source,
    audit: audit?.lv ?? null,
    auditSource: audit?.source ?? null,
    preview: preview && compareVersions(preview.version, enforce.lv.version) !== 0 ? preview : null,
    exemption: base.exemption && head.exemption ? head.exemption : null,
    disabled: head.disabled.filter((d) => base.disabled.some((b) => sameDisable(d, b))),
    optOuts,
  };
}

/**
 * How `head` is more lenient than `base` for the same pod spec, in words
 * (empty when it is not): a lower enforce or warn level, a new exemption,
 * newly disabled checks. Opt-outs are reviewed on their own.
 */
export function relaxationsOf(base: ResolvedPolicy, head: ResolvedPolicy): string[] {
  const out: string[] = [];
  if (isLaxer(head.enforce, base.enforce)) out.push(`enforced level ${formatLevelVersion(base.enforce)} becomes ${formatLevelVersion(head.enforce)}`);
  if (isLaxer(head.warn, base.warn)) out.push(`warn level ${formatLevelVersion(base.warn)} becomes ${formatLevelVersion(head.warn)}`);
  if (head.exemption && !base.exemption) out.push(`it becomes exempt: ${head.exemption.message}`);
  const disabled = [...new Set(head.disabled.filter((d) => !base.disabled.some((b) => sameDisable(d, b))).map((d) => d.check))];
  if (disabled.length > 0) out.push(`${disabled.join(', ')} ${disabled.length === 1 ? 'becomes' : 'become'} disabled`);
  return out;
}

/** Whether two resolutions judge a pod spec alike (levels, exemption, disables, honoured opt-outs). */
export function samePolicy(a: ResolvedPolicy, b: ResolvedPolicy): boolean {
  const honoured = (p: ResolvedPolicy) => [...new Set(p.optOuts.filter((o) => o.status === 'honoured').flatMap((o) => o.checks))].sort().join();
  const disabled = (p: ResolvedPolicy) => [...new Set(p.disabled.map((d) => `${d.check}@${d.at.line}`))].sort().join();
  return (
    formatLevelVersion(a.enforce) === formatLevelVersion(b.enforce) &&
    formatLevelVersion(a.warn) === formatLevelVersion(b.warn) &&
    (a.audit ? formatLevelVersion(a.audit) : '') === (b.audit ? formatLevelVersion(b.audit) : '') &&
    (a.exemption?.message ?? '') === (b.exemption?.message ?? '') &&
    disabled(a) === disabled(b) &&
    honoured(a) === honoured(b)
  );
}

/** The run's `opt-outs` and `policy-changes`: flag or input, else the config file's, else base-only and block. */
export function changeRules(config: PolicyConfig, overrides: PolicyOverrides): { readonly optOuts: OptOutsRule; readonly policyChanges: PolicyChangesRule } {
  return {
    optOuts: overrides.optOuts ?? config.optOuts?.value ?? 'base-only',
    policyChanges: overrides.policyChanges ?? config.policyChanges?.value ?? 'block',
  };
}
