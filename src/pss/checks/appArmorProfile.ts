/**
 * appArmorProfile (baseline, v1.0+; applies unchanged at every version)
 *
 * Restricted fields:
 * - spec.securityContext.appArmorProfile.type
 * - securityContext.appArmorProfile.type of every container
 * - metadata.annotations["container.apparmor.security.beta.kubernetes.io/*"]
 *   (every key with the prefix, even the bare prefix)
 * Allowed field values: absent appArmorProfile; when present, type exactly
 * `RuntimeDefault` or `Localhost` (a missing or empty type is the bad value "").
 * Allowed annotation values: "", `runtime/default`, anything starting with
 * `localhost/`. Matching is case-sensitive. Pod and containers are judged
 * independently (no precedence).
 */
import { compareBytes, goQuote, plural, quoteJoin, setters, sortedSet } from '../format.js';
import { at, obj, str, visitContainers } from '../pod.js';
import type { CheckDefinition, FieldPath, PodInput, Violation } from '../types.js';

const annotationPrefix = 'container.apparmor.security.beta.kubernetes.io/';

function allowedProfileType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function appArmorProfileV1_0(pod: PodInput): Violation | null {
  const badValues: string[] = [];
  const paths: FieldPath[] = [];

  let podIsBad = false;
  const podProfile = obj(obj(pod.spec, 'securityContext'), 'appArmorProfile');
  if (podProfile && !allowedProfileType(str(podProfile, 'type'))) {
    podIsBad = true;
    badValues.push(str(podProfile, 'type'));
    paths.push(['spec', 'securityContext', 'appArmorProfile', 'type']);
  }

  const badContainers: string[] = [];
  for (const { name, container, path } of visitContainers(pod)) {
    const profile = obj(obj(container, 'securityContext'), 'appArmorProfile');
    if (profile && !allowedProfileType(str(profile, 'type'))) {
      badContainers.push(name);
      badValues.push(str(profile, 'type'));
      paths.push(at(path, 'securityContext', 'appArmorProfile', 'type'));
    }
  }

  // Upstream sorts the formatted `key=%q` entries (not the keys), byte-wise.
  const annotations = obj(pod.metadata, 'annotations');
  const badAnnotations = Object.keys(annotations ?? {})
    .filter((key) => key.startsWith(annotationPrefix) && !allowedAnnotationValue(str(annotations, key)))
    .map((key) => ({ key, entry: `${key}=${goQuote(str(annotations, key))}` }))
    .sort((a, b) => compareBytes(a.entry, b.entry));

  if (!podIsBad && badContainers.length === 0 && badAnnotations.length === 0) return null;

  const values = [...sortedSet(badValues), ...badAnnotations.map((a) => a.entry)];
  const extra = badAnnotations.length > 0 ? [plural('annotation', 'annotations', badAnnotations.length)] : [];
  paths.push(...badAnnotations.map((a): FieldPath => ['metadata', 'annotations', a.key]));
  return {
    reason: plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters(podIsBad, badContainers, extra)} must not set AppArmor profile type to ${quoteJoin(values)}`,
    paths,
  };
}

export const appArmorProfile: CheckDefinition = {
  id: 'appArmorProfile',
  level: 'baseline',
  implementations: [{ minVersion: 0, evaluate: appArmorProfileV1_0 }],
};
