/**
 * Per-workload opt-out annotations, on the workload or on its pod template:
 *
 * ```yaml
 * metadata:
 *   annotations:
 *     pod-security-review/ignore: "hostPorts,privileged"
 *     pod-security-review/reason: "the CNI agent binds host ports"   # mandatory
 *     pod-security-review/expires: "2026-09-30"                      # optional
 * ```
 *
 * Each place (the object's metadata, the template's metadata) is read on its
 * own: a reason belongs to the ignore next to it, so a reason on the
 * Deployment does not excuse an ignore on its template. An opt-out is
 * honoured only when it is complete, not expired and the config is not
 * strict; otherwise it is reported and the findings it names count as usual
 * (with a note saying why the opt-out did not apply).
 */
import { checkIds, invalidCheckMessage, isCheckId } from './checkIds.js';
import type { AnnotationOptOut, OptOutPlace, PolicyProblem } from './types.js';

export const annotationPrefix = 'pod-security-review/';

export const optOutAnnotations = {
  ignore: `${annotationPrefix}ignore`,
  reason: `${annotationPrefix}reason`,
  expires: `${annotationPrefix}expires`,
} as const;

const knownAnnotations: readonly string[] = Object.values(optOutAnnotations);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (`2026-02-30` is not one). */
export function isCalendarDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function placeName(place: OptOutPlace, kind: string): string {
  return place === 'template' ? `the pod template of the ${kind}` : `the ${kind}`;
}

export interface OptOutReading {
  readonly optOuts: readonly AnnotationOptOut[];
  readonly problems: readonly PolicyProblem[];
}

export interface OptOutContext {
  readonly kind: string;
  /** YYYY-MM-DD. */
  readonly today: string;
  /** Where strict mode was set (`strict: true in file:line`, `--strict`), when it is. */
  readonly strict: string | null;
}

/** Read the opt-out annotations of one place. */
export function readOptOut(annotations: Readonly<Record<string, string>>, place: OptOutPlace, context: OptOutContext): OptOutReading {
  const problems: PolicyProblem[] = [];
  const where = placeName(place, context.kind);
  const problem = (kind: PolicyProblem['kind'], annotation: string, message: string) =>
    problems.push({ kind, place, annotation, message: `${annotation} on ${where}: ${message}` });

  // A misspelt key (`pod-security-review/reasons`) would otherwise make an
  // opt-out look reasonless, or an expiry look absent, with no clue why.
  for (const key of Object.keys(annotations)) {
    if (key.startsWith(annotationPrefix) && !knownAnnotations.includes(key)) {
      problem('unknown-annotation', key, `unknown annotation; valid: ${knownAnnotations.join(', ')}`);
    }
  }

  const ignore = Object.hasOwn(annotations, optOutAnnotations.ignore) ? annotations[optOutAnnotations.ignore] : undefined;
  const reasonText = annotations[optOutAnnotations.reason];
  const expiresText = annotations[optOutAnnotations.expires];
  if (ignore === undefined) {
    for (const key of [optOutAnnotations.reason, optOutAnnotations.expires]) {
      if (Object.hasOwn(annotations, key)) problem('unused-annotation', key, `has no effect without ${optOutAnnotations.ignore} next to it`);
    }
    return { optOuts: [], problems };
  }

  const names = ignore
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const checks = [...new Set(names.filter(isCheckId))];
  const reason = reasonText !== undefined && reasonText.trim() !== '' ? reasonText.trim() : null;
  const expires = expiresText !== undefined && isCalendarDate(expiresText.trim()) ? expiresText.trim() : null;

  if (context.strict) {
    // Strict mode refuses every opt-out; the details of each would only be noise.
    const message = `not honoured: ${context.strict} disallows annotation opt-outs`;
    problem('strict', optOutAnnotations.ignore, message);
    return { optOuts: [{ place, checks, reason, expires, status: 'strict', message }], problems };
  }

  for (const name of names.filter((n) => !isCheckId(n))) problem('invalid-check', optOutAnnotations.ignore, invalidCheckMessage(name));
  if (names.length === 0) {
    problem('empty-ignore', optOutAnnotations.ignore, `names no check; write e.g. "hostPorts,privileged" (valid checks: ${checkIds.join(', ')})`);
  }

  let status: AnnotationOptOut['status'] = 'honoured';
  let message = reason === null ? '' : `ignored on ${where}: ${reason}`;
  if (reason === null) {
    status = 'missing-reason';
    message = `not honoured: ${optOutAnnotations.ignore} on ${where} has no ${optOutAnnotations.reason}`;
    problem(
      'missing-reason',
      optOutAnnotations.ignore,
      `not honoured: ${optOutAnnotations.reason} is mandatory next to it (say why the checks may fail)`,
    );
  } else if (expiresText !== undefined && expires === null) {
    // An unreadable date must not mean "never expires".
    status = 'invalid-expires';
    message = `not honoured: ${optOutAnnotations.expires} ${JSON.stringify(expiresText)} on ${where} is not a date YYYY-MM-DD`;
    const text = JSON.stringify(expiresText);
    problem('invalid-expires', optOutAnnotations.expires, `${text} is not a date written YYYY-MM-DD; the opt-out is not honoured`);
  } else if (expires !== null && context.today >= expires) {
    // "Ends the opt-out on that date": from that day on, it no longer applies.
    status = 'expired';
    message = `the opt-out on ${where} expired on ${expires} (reason was: ${reason})`;
    problem('expired', optOutAnnotations.expires, `the opt-out expired on ${expires}; the findings it ignored are reported again`);
  } else if (expires !== null) {
    message += ` (until ${expires})`;
  }
  return { optOuts: [{ place, checks, reason, expires, status, message }], problems };
}
