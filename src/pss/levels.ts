/**
 * Parsing and printing of levels and versions with the upstream rules
 * (spec §1.1, §1.2). A parse failure is a value carrying the upstream error
 * text and the upstream fallback, because callers differ in what they do
 * with invalid input (namespace labels fall back, CLI flags refuse).
 */
import type { Level, LevelVersion, Version } from './types.js';

export const levels: readonly Level[] = ['privileged', 'baseline', 'restricted'];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; fallback: T };

export function parseLevel(text: string): Parsed<Level> {
  if ((levels as readonly string[]).includes(text)) return { ok: true, value: text as Level };
  return { ok: false, error: 'must be one of privileged, baseline, restricted', fallback: 'restricted' };
}

const versionPattern = /^v1\.(0|[1-9][0-9]*)$/;
const maxInt64 = 9223372036854775807n;

export function parseVersion(text: string): Parsed<Version> {
  if (text === 'latest') return { ok: true, value: 'latest' };
  const match = versionPattern.exec(text);
  if (match?.[1] !== undefined) {
    const minor = BigInt(match[1]);
    if (minor <= maxInt64) return { ok: true, value: minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : minor };
  }
  return { ok: false, error: 'must be "latest" or "v1.x"', fallback: 'latest' };
}

export function formatVersion(version: Version): string {
  return version === 'latest' ? 'latest' : `v1.${version}`;
}

export function formatLevelVersion({ level, version }: LevelVersion): string {
  return `${level}:${formatVersion(version)}`;
}

/** Strictness order: privileged < baseline < restricted. */
export function levelRank(level: Level): number {
  return levels.indexOf(level);
}
