/**
 * seccompProfile_baseline and seccompProfile_restricted: a forbidden
 * profile becomes the runtime's default (`type: RuntimeDefault`, or the
 * legacy annotation value `runtime/default` where the manifest uses
 * annotations); a missing one is added at pod level when every container
 * needs it or more than one does (one short suggestion where the pod's
 * securityContext is, rather than one that spans every container between
 * the first and the last that needs it; a container's own profile still
 * wins), else in the one container that needs it.
 */
import { obj, visitContainers } from '../../pss/pod.js';
import type { FieldPath } from '../../pss/types.js';
import type { Edit, Fixer } from '../types.js';
import { set } from '../edits.js';
import { isWrittenObject, runtimeDefaultProfile, writtenAt } from './common.js';

/** Profiles that exist but have a bad type are in the failure; fix them in place. */
function fixPresent(context: Parameters<Fixer>[0]): Edit[] {
  const edits: Edit[] = [];
  for (const path of context.failure.paths) {
    if (path[0] === 'metadata') edits.push(set(path, 'runtime/default'));
    else if (isWrittenObject(writtenAt(context, path.slice(0, -1)))) edits.push(...runtimeDefaultProfile(context, path));
  }
  return edits;
}

export const fixSeccompProfileBaseline: Fixer = (context) => ({ kind: 'edits', edits: fixPresent(context) });

export const fixSeccompProfileRestricted: Fixer = (context) => {
  const edits = fixPresent(context);
  // After those fixes, which containers are still without a profile?
  const podProfile = obj(obj(context.pod.spec, 'securityContext'), 'seccompProfile');
  const podCovers = podProfile !== undefined; // a bad pod type was fixed above
  const containers = visitContainers(context.pod);
  const uncovered: FieldPath[] = [];
  for (const { container, path } of containers) {
    if (obj(obj(container, 'securityContext'), 'seccompProfile') === undefined && !podCovers) {
      uncovered.push([...path, 'securityContext', 'seccompProfile', 'type']);
    }
  }
  if (uncovered.length > 1 || (uncovered.length > 0 && uncovered.length === containers.length)) {
    edits.push(set(['spec', 'securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'));
  } else {
    for (const path of uncovered) edits.push(set(path, 'RuntimeDefault'));
  }
  return { kind: 'edits', edits };
};
