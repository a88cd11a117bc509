/**
 * runAsUser: remove `runAsUser: 0` and require a non-root user instead
 * (`runAsNonRoot: true` where it is not already in force), so the container
 * runs as the image's user, which must not be root. Choosing a UID is left
 * to the author.
 */
import { obj, optBool } from '../../pss/pod.js';
import type { Edit, Fixer } from '../types.js';
import { remove, set, valueAt } from '../edits.js';
import type { JsonValue } from '../../pss/types.js';
import { isWrittenObject } from './common.js';
import { nonRootCaveat } from './runAsNonRoot.js';

export const fixRunAsUser: Fixer = (context) => {
  const edits: Edit[] = [];
  // A pod-level runAsUser: 0 gets a pod-level runAsNonRoot: true below, which covers the containers too.
  const podNonRoot =
    optBool(obj(context.pod.spec, 'securityContext'), 'runAsNonRoot') === true ||
    context.failure.paths.some((path) => path.length === 3 && path[1] === 'securityContext');
  for (const path of context.failure.paths) {
    edits.push(remove(path));
    const securityContextPath = path.slice(0, -1);
    const securityContext = valueAt(context.pod as unknown as JsonValue, securityContextPath);
    const own = isWrittenObject(securityContext) ? optBool(securityContext, 'runAsNonRoot') : undefined;
    const isPodLevel = securityContextPath.length === 2;
    const inForce = isPodLevel ? own === true : own === true || (own === undefined && podNonRoot);
    if (!inForce) edits.push(set([...securityContextPath, 'runAsNonRoot'], true));
  }
  return { kind: 'edits', edits, caveat: nonRootCaveat };
};
