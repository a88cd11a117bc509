import { describe, expect, it } from 'vitest';
import { restrictedVolumes } from '../../../../src/pss/checks/restrictedVolumes.js';
import type { JsonObject, PodInput, Violation } from '../../../../src/pss/types.js';

const v1_0 = restrictedVolumes.implementations.find((i) => i.minVersion === 0)!;

function podWithVolumes(volumes: JsonObject[]): PodInput {
  return { metadata: {}, spec: { containers: [{ name: 'a' }], volumes } };
}

const restrictedKeys = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];
const allowedKeys = [
  'emptyDir',
  'secret',
  'persistentVolumeClaim',
  'downwardAPI',
  'configMap',
  'projected',
  'csi',
  'ephemeral',
  'image',
];

describe('restrictedVolumes definition', () => {
  it('is a restricted check with one v1.0 implementation overriding hostPathVolumes', () => {
    expect(restrictedVolumes.id).toBe('restrictedVolumes');
    expect(restrictedVolumes.level).toBe('restricted');
    expect(restrictedVolumes.implementations.map((i) => i.minVersion)).toEqual([0]);
    expect(v1_0.overrides).toEqual(['hostPathVolumes']);
  });
});

describe('restrictedVolumes v1.0', () => {
  it('(test) reports every known restricted type and an empty source as unknown', () => {
    const volumes: JsonObject[] = [
      ...allowedKeys.map((key, i) => ({ name: `a${i + 1}`, [key]: {} })),
      ...restrictedKeys.map((key, i) => ({ name: `b${i + 1}`, [key]: {} })),
      { name: 'c1' },
    ];
    const result = v1_0.evaluate(podWithVolumes(volumes));
    expect(result).toStrictEqual<Violation>({
      reason: 'restricted volume types',
      detail:
        'volumes "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1" use restricted volume types "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume"',
      paths: [
        ...restrictedKeys.map((key, i) => ['spec', 'volumes', allowedKeys.length + i, key]),
        ['spec', 'volumes', allowedKeys.length + restrictedKeys.length],
      ],
    });
  });

  type Case = { name: string; volumes: JsonObject[]; expected: Violation | null };
  const cases: Case[] = [
    {
      name: '(fixture restrictedvolumes0) a single gcePersistentDisk volume',
      volumes: [{ name: 'volume1', gcePersistentDisk: { pdName: 'test' } }],
      expected: {
        reason: 'restricted volume types',
        detail: 'volume "volume1" uses restricted volume type "gcePersistentDisk"',
        paths: [['spec', 'volumes', 0, 'gcePersistentDisk']],
      },
    },
    {
      name: 'a volume with no source is "unknown" (defaulting happens elsewhere)',
      volumes: [{ name: 'volume0' }],
      expected: {
        reason: 'restricted volume types',
        detail: 'volume "volume0" uses restricted volume type "unknown"',
        paths: [['spec', 'volumes', 0]],
      },
    },
    {
      name: 'an unknown source key is "unknown"',
      volumes: [{ name: 'v', futureVolume: {} }],
      expected: {
        reason: 'restricted volume types',
        detail: 'volume "v" uses restricted volume type "unknown"',
        paths: [['spec', 'volumes', 0]],
      },
    },
    {
      name: 'a null source counts as absent',
      volumes: [{ name: 'v', emptyDir: null }],
      expected: {
        reason: 'restricted volume types',
        detail: 'volume "v" uses restricted volume type "unknown"',
        paths: [['spec', 'volumes', 0]],
      },
    },
    {
      name: 'two volumes of one type: plural volumes, singular type, spec order of names',
      volumes: [
        { name: 'z', hostPath: { path: '/a' } },
        { name: 'ok', emptyDir: {} },
        { name: 'a', hostPath: { path: '/b' } },
      ],
      expected: {
        reason: 'restricted volume types',
        detail: 'volumes "z", "a" use restricted volume type "hostPath"',
        paths: [
          ['spec', 'volumes', 0, 'hostPath'],
          ['spec', 'volumes', 2, 'hostPath'],
        ],
      },
    },
    {
      name: 'types are a sorted set',
      volumes: [
        { name: 'n1', nfs: {} },
        { name: 'h', hostPath: {} },
        { name: 'n2', nfs: {} },
      ],
      expected: {
        reason: 'restricted volume types',
        detail: 'volumes "n1", "h", "n2" use restricted volume types "hostPath", "nfs"',
        paths: [
          ['spec', 'volumes', 0, 'nfs'],
          ['spec', 'volumes', 1, 'hostPath'],
          ['spec', 'volumes', 2, 'nfs'],
        ],
      },
    },
    {
      name: 'the first restricted key in precedence order names the type',
      volumes: [{ name: 'v', nfs: {}, hostPath: {} }],
      expected: {
        reason: 'restricted volume types',
        detail: 'volume "v" uses restricted volume type "hostPath"',
        paths: [['spec', 'volumes', 0, 'hostPath']],
      },
    },
    {
      name: 'any allowed source makes the volume fine even next to a restricted one',
      volumes: [{ name: 'v', hostPath: {}, secret: {} }],
      expected: null,
    },
    {
      name: 'image volumes are allowed even at v1.0',
      volumes: [{ name: 'img', image: { reference: 'x' } }],
      expected: null,
    },
    ...allowedKeys.map((key) => ({
      name: `allowed source ${key}`,
      volumes: [{ name: 'v', [key]: {} }],
      expected: null,
    })),
    { name: 'no volumes', volumes: [], expected: null },
  ];

  it.each(cases)('$name', ({ volumes, expected }) => {
    expect(v1_0.evaluate(podWithVolumes(volumes))).toStrictEqual(expected);
  });

  it('passes a pod without spec.volumes', () => {
    expect(v1_0.evaluate({ metadata: {}, spec: { containers: [{ name: 'a' }] } })).toBeNull();
  });
});
