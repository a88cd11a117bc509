/**
 * The API server's defaulting that changes a verdict, applied before the
 * checks run (the admission controller sees defaulted objects):
 * - a volume with no source becomes `emptyDir: {}` (otherwise
 *   restrictedVolumes would call it "unknown"). A source is one of the
 *   VolumeSource fields the API knows: the decoder drops any other key
 *   (`fooBar: {}`, Kustomize's `$patch: delete`), so a volume of only a name
 *   and such keys is an emptyDir too;
 * - in a Pod (not a pod template) with `hostNetwork: true`, a container port
 *   without `hostPort` gets `hostPort` = `containerPort`, for containers and
 *   init containers (hostPorts then reports it).
 * Returns a new object; the input is not modified.
 */
import { isObject } from '../pss/pod.js';
import type { JsonObject, JsonValue } from '../pss/types.js';
import { fieldsOf } from './validate.js';

/** The VolumeSource fields of the API (inline in core/v1.Volume, next to its name). */
const volumeSources = fieldsOf('core/v1.Volume').filter((field) => field !== 'name');

// Loops, not callbacks: every extraction defaults its pod spec, and the fix engine extracts each fixed one
// again; a callback made per call is compiled again after each major collection (see fixes/fixFile.ts).

function withDefaultVolumes(spec: JsonObject): JsonValue[] | undefined {
  const volumes = spec.volumes;
  if (!Array.isArray(volumes)) return undefined;
  const out: JsonValue[] = [];
  for (const volume of volumes) out.push(!isObject(volume) || hasSource(volume) ? volume : { ...volume, emptyDir: {} });
  return out;
}

/** Whether a volume names a source (a null one is a nil pointer in Go: no source). */
function hasSource(volume: JsonObject): boolean {
  for (const key of volumeSources) if (volume[key] !== null && volume[key] !== undefined) return true;
  return false;
}

function withHostNetworkPorts(containers: JsonValue | undefined): JsonValue | undefined {
  if (!Array.isArray(containers)) return containers;
  const out: JsonValue[] = [];
  for (const container of containers) {
    if (!isObject(container) || !Array.isArray(container.ports)) {
      out.push(container);
      continue;
    }
    const ports: JsonValue[] = [];
    for (const port of container.ports) ports.push(withHostPort(port));
    out.push({ ...container, ports });
  }
  return out;
}

/** A port without a host port gets its container port as its host port. */
function withHostPort(port: JsonValue): JsonValue {
  if (!isObject(port)) return port;
  const hostPort = port.hostPort;
  if (hostPort !== undefined && hostPort !== null && hostPort !== 0) return port;
  return { ...port, hostPort: port.containerPort ?? 0 };
}

export function applyApiServerDefaults(spec: JsonObject, isPod: boolean): JsonObject {
  const out: JsonObject = { ...spec };
  const volumes = withDefaultVolumes(spec);
  if (volumes) out.volumes = volumes;
  if (isPod && spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers'] as const) {
      if (spec[key] !== undefined) out[key] = withHostNetworkPorts(spec[key]);
    }
  }
  return out;
}
