/**
 * runAsNonRoot: an explicit `false` becomes `true`; containers left unset
 * are covered by `runAsNonRoot: true` at pod level (no container sets
 * `false` once those are flipped). The caveat (the image must have a
 * non-root user) is said unless every container already runs as a
 * non-zero `runAsUser`, its own or the pod's: the kubelet checks that
 * number, not the image, and it passes (crossplane's 65532).
 */
import { obj, optBool, optInt, visitContainers } from '../../pss/pod.js';
import type { Edit, Fixer } from '../types.js';
import { set } from '../edits.js';

export const nonRootCaveat =
  'The image must then run as a non-root user (a numeric USER in the image, or a non-zero `runAsUser`): the kubelet refuses to start a container that would run as root.';

export const fixRunAsNonRoot: Fixer = (context) => {
  const edits: Edit[] = [];
  const podPath = ['spec', 'securityContext', 'runAsNonRoot'];
  let podValue = optBool(obj(context.pod.spec, 'securityContext'), 'runAsNonRoot');
  if (podValue === false) {
    edits.push(set(podPath, true));
    podValue = true;
  }
  let unset = false;
  for (const { container, path } of visitContainers(context.pod)) {
    const value = optBool(obj(container, 'securityContext'), 'runAsNonRoot');
    if (value === false) edits.push(set([...path, 'securityContext', 'runAsNonRoot'], true));
    else if (value === undefined) unset = true;
  }
  if (unset && podValue !== true) edits.push(set(podPath, true));
  const podUser = optInt(obj(context.pod.spec, 'securityContext'), 'runAsUser');
  const nonZero = visitContainers(context.pod).every(({ container }) => (optInt(obj(container, 'securityContext'), 'runAsUser') ?? podUser ?? 0) !== 0);
  return { kind: 'edits', edits, ...(nonZero ? {} : { caveat: nonRootCaveat }) };
};
