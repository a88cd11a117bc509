import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../../src/manifests/load.js';
import type { JsonValue } from '../../../src/pss/types.js';
import { valuesKeyUnderSameKeys } from '../../../src/render/valuesUnderSameKeys.js';
import type { ValuesFileOf } from '../../../src/render/valuesUnderSameKeys.js';

const file = (path: string, text: string, prefix: string[] = []): ValuesFileOf => ({ file: path, document: loadManifestFile(path, text).documents[0]!, prefix });

const pod: JsonValue = {
  spec: {
    securityContext: { runAsUser: 0 },
    containers: [{ name: 'probe', securityContext: { capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] }, privileged: true } }],
  },
};

describe('valuesKeyUnderSameKeys', () => {
  const text = 'agent:\n  securityContext:\n    runAsUser: 0\nprobe:\n  securityContext:\n    capabilities:\n      add: [SYS_ADMIN, NET_RAW]\n    privileged: true\nother:\n  securityContext:\n    privileged: true\n';
  const values = file('values.yaml', text);

  it('finds the one values key that ends with the same last keys and holds the rendered value, with list items under it', () => {
    expect(valuesKeyUnderSameKeys([values], ['spec', 'securityContext', 'runAsUser'], pod)).toEqual({ file: 'values.yaml', path: ['agent', 'securityContext', 'runAsUser'] });
    expect(valuesKeyUnderSameKeys([values], ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1], pod)).toEqual({ file: 'values.yaml', path: ['probe', 'securityContext', 'capabilities', 'add', 1] });
  });

  it('places nothing when two keys hold it, when none holds the rendered value, or on a single key', () => {
    expect(valuesKeyUnderSameKeys([values], ['spec', 'containers', 0, 'securityContext', 'privileged'], pod)).toBeNull();
    expect(valuesKeyUnderSameKeys([values], ['spec', 'securityContext', 'runAsUser'], { spec: { securityContext: { runAsUser: 1000 } } })).toBeNull();
    expect(valuesKeyUnderSameKeys([file('values.yaml', 'runAsUser: 0\n')], ['runAsUser'], { runAsUser: 0 })).toBeNull();
  });

  it('takes each key from the file helm reads last that sets it, and only under the template chart’s prefix', () => {
    const prod = file('values-prod.yaml', 'agent:\n  securityContext:\n    runAsUser: 1000\n');
    // values-prod.yaml sets it to 1000: the rendered 0 is not that key's.
    expect(valuesKeyUnderSameKeys([prod, values], ['spec', 'securityContext', 'runAsUser'], pod)).toBeNull();
    expect(valuesKeyUnderSameKeys([file('values-prod.yaml', 'agent:\n  image: x\n'), values], ['spec', 'securityContext', 'runAsUser'], pod)).toEqual({ file: 'values.yaml', path: ['agent', 'securityContext', 'runAsUser'] });
    // A subchart's template reads the keys under its name only.
    expect(valuesKeyUnderSameKeys([file('values.yaml', text, ['probe'])], ['spec', 'securityContext', 'runAsUser'], pod)).toBeNull();
  });
});
