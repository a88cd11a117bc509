/**
 * failingAdvice, the verdict-only entry point that verification uses, names
 * exactly the checks adviceFailures finds failing, in the same order: on
 * every pod spec of the fixtures and the benchmark generator's files, and on
 * pod specs mutated at random around every field an advice check reads.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../bench/prng.js';
import type { Rng } from '../../../../bench/prng.js';
import { loadManifestFile } from '../../../../src/manifests/load.js';
import { adviceFailures, failingAdvice } from '../../../../src/policy/sources/advice.js';
import { adviceCheckIds } from '../../../../src/policy/sources/extraChecks.js';
import type { JsonObject, JsonValue, PodInput } from '../../../../src/pss/types.js';
import { extractPodSpecs } from '../../../../src/workloads/extract.js';
import { fixtureTexts, generatedTexts } from '../../../helpers/manifestTexts.js';

function podsOf(name: string, text: string): PodInput[] {
  return loadManifestFile(name, text, { maxBytes: Number.MAX_SAFE_INTEGER }).documents.flatMap((document) => extractPodSpecs(document).pods.map((source) => source.pod));
}

const detailed = (pod: PodInput) => adviceFailures(pod).map((advice) => advice.check);

const corpus = [...fixtureTexts(), ...generatedTexts({ seed: 11, files: 20, docsPerFile: 6, changedFiles: 10 })].flatMap(({ name, text }) => podsOf(name, text));

/** Values around what each advice check reads: absent, null, wrong types, either side of a threshold. */
const choices = {
  id: [undefined, null, 0, 1000, 10000, 10001, 65534, '20000'],
  bool: [undefined, null, true, false, 'true'],
  capabilities: [undefined, null, {}, { drop: ['ALL'] }, { drop: ['NET_RAW'] }, { drop: ['CHOWN'] }, { add: ['NET_RAW'], drop: ['ALL'] }, { add: ['NET_ADMIN'] }, { drop: null }],
  image: [undefined, 'nginx', 'nginx:1.27', `nginx@sha256:${'a'.repeat(64)}`, `nginx@sha256:${'A'.repeat(64)}`, `nginx@sha256:${'a'.repeat(63)}`, 7],
  limits: [undefined, null, {}, { cpu: '1' }, { memory: '1Gi' }, { cpu: '1', memory: '1Gi' }, { cpu: null, memory: '1Gi' }, 'none'],
  os: [undefined, null, { name: 'windows' }, { name: 'linux' }, { name: 'Windows' }],
};

function mutateContainer(rng: Rng, container: JsonValue): JsonValue {
  if (rng.chance(0.05)) return rng.pick([null, 'not a container', 3]);
  const base: JsonObject = typeof container === 'object' && container !== null && !Array.isArray(container) ? { ...container } : { name: 'x' };
  const securityContext: JsonObject = { ...((base.securityContext as JsonObject | null | undefined) ?? {}) };
  const assign = (target: JsonObject, key: string, value: JsonValue | undefined) => {
    if (value === undefined) delete target[key];
    else target[key] = value;
  };
  if (rng.chance(0.5)) assign(securityContext, 'runAsUser', rng.pick(choices.id));
  if (rng.chance(0.5)) assign(securityContext, 'runAsGroup', rng.pick(choices.id));
  if (rng.chance(0.5)) assign(securityContext, 'readOnlyRootFilesystem', rng.pick(choices.bool));
  if (rng.chance(0.5)) assign(securityContext, 'capabilities', rng.pick(choices.capabilities));
  if (rng.chance(0.8)) assign(base, 'securityContext', rng.chance(0.1) ? null : securityContext);
  if (rng.chance(0.5)) assign(base, 'image', rng.pick(choices.image));
  if (rng.chance(0.5)) assign(base, 'resources', rng.chance(0.1) ? null : { limits: rng.pick(choices.limits) ?? null });
  return base;
}

function mutatePod(rng: Rng, pod: PodInput): PodInput {
  const spec: JsonObject = { ...pod.spec };
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const containers = Array.isArray(spec[key]) ? (spec[key] as JsonValue[]) : [];
    const count = rng.chance(0.7) ? containers.length : rng.int(0, 3);
    spec[key] = Array.from({ length: count }, (_, i) => (rng.chance(0.7) ? mutateContainer(rng, containers[i] ?? { name: `c${i}` }) : (containers[i] ?? { name: `c${i}` })));
  }
  const securityContext: JsonObject = { ...((spec.securityContext as JsonObject | null | undefined) ?? {}) };
  if (rng.chance(0.5)) securityContext.runAsUser = rng.pick(choices.id) ?? null;
  if (rng.chance(0.5)) securityContext.runAsGroup = rng.pick(choices.id) ?? null;
  spec.securityContext = rng.chance(0.1) ? null : securityContext;
  if (rng.chance(0.5)) spec.automountServiceAccountToken = rng.pick(choices.bool) ?? null;
  if (rng.chance(0.3)) spec.os = rng.pick(choices.os) ?? null;
  return { metadata: pod.metadata, spec };
}

describe('failingAdvice', () => {
  it('agrees with adviceFailures on every pod spec of the fixtures and the generated files', () => {
    expect(corpus.length).toBeGreaterThan(300);
    const failing = new Set<string>();
    for (const pod of corpus) {
      expect(failingAdvice(pod)).toEqual(detailed(pod));
      for (const check of failingAdvice(pod)) failing.add(check);
    }
    // The corpus is no proof unless every check fails somewhere.
    expect([...failing].sort()).toEqual([...adviceCheckIds].sort());
  });

  it('agrees with adviceFailures on pod specs mutated at random', () => {
    const rng = createRng(2026);
    const seen = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const pod = mutatePod(rng, rng.pick(corpus));
      const ids = detailed(pod);
      expect(failingAdvice(pod)).toEqual(ids);
      for (const id of adviceCheckIds) if (!ids.includes(id)) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    // Every check also passes often enough for the two to be compared both ways.
    for (const id of adviceCheckIds) expect(seen.get(id) ?? 0, id).toBeGreaterThan(50);
  });
});
