/**
 * What a rendering writes anew each time: a chart's `rollme: {{ randAlphaNum
 * 5 | quote }}` annotation, which rolls its pods on every upgrade, a build
 * stamp from `now`, an id from `uuidv4`. Base and head renderings then
 * differ in those fields whatever the pull request changed; the head
 * rendered twice (ChangedFile.headAgain) says which fields they are, and a
 * pod spec that differs from its base in them alone is unchanged.
 */
import type { FieldPath, JsonValue, PodInput } from '../pss/types.js';
import type { PodSpecSource } from '../workloads/extract.js';
import { differingPaths, nullAt } from './sameJson.js';

/** A pod spec's place in its rendering: two renderings of one head write their documents in the same order. */
function placeOf(pod: PodSpecSource): string {
  return `${pod.kind}\u0000${pod.document.index}\u0000${JSON.stringify(pod.objectPath)}`;
}

function podValue(pod: PodInput): JsonValue {
  return { metadata: pod.metadata, spec: pod.spec };
}

/** The fields of each head pod spec that the same head rendered again writes otherwise (pod specs without any are left out). */
export function volatileFields(head: readonly PodSpecSource[], again: readonly PodSpecSource[]): Map<PodSpecSource, FieldPath[]> {
  const byPlace = new Map(again.map((pod) => [placeOf(pod), pod]));
  const fields = new Map<PodSpecSource, FieldPath[]>();
  for (const pod of head) {
    const other = byPlace.get(placeOf(pod));
    const paths = other === undefined ? [] : differingPaths(podValue(pod.pod), podValue(other.pod));
    if (paths.length > 0) fields.set(pod, paths);
  }
  return fields;
}

/** The pod spec with null in those fields (paths into `{ metadata, spec }`). */
export function withoutFields(pod: PodInput, paths: readonly FieldPath[]): PodInput {
  let value = podValue(pod);
  for (const path of paths) value = nullAt(value, path);
  const { metadata, spec } = value as unknown as PodInput;
  return { metadata, spec };
}
