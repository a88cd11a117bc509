/**
 * The types of the pod fields that decide a verdict, as the API server's Go
 * structs declare them. YAML 1.1 makes surprises easy (`name: on` is the
 * boolean true, `hostPort: "80"` is a string): the API server rejects such an
 * object, so we report it instead of guessing what it meant. Only the fields
 * the checks read (and their parents) are described; others are not ours to
 * validate.
 */
import { allowedVolumeSources, restrictedVolumeSources } from '../pss/checks/restrictedVolumes.js';

export type FieldType =
  | 'string'
  | 'boolean'
  | 'int32'
  | 'int64'
  | 'int-or-string'
  | 'any-object'
  | { readonly object: Readonly<Record<string, FieldType>> }
  | { readonly list: FieldType }
  | { readonly map: FieldType };

const object = (fields: Record<string, FieldType>): FieldType => ({ object: fields });
const list = (item: FieldType): FieldType => ({ list: item });
const strings = list('string');

const capabilities = object({ add: strings, drop: strings });
const profile = object({ type: 'string', localhostProfile: 'string' });
const seLinuxOptions = object({ user: 'string', role: 'string', type: 'string', level: 'string' });
const windowsOptions = object({
  hostProcess: 'boolean',
  gmsaCredentialSpecName: 'string',
  gmsaCredentialSpec: 'string',
  runAsUserName: 'string',
});

const containerSecurityContext = object({
  privileged: 'boolean',
  allowPrivilegeEscalation: 'boolean',
  runAsNonRoot: 'boolean',
  runAsUser: 'int64',
  runAsGroup: 'int64',
  readOnlyRootFilesystem: 'boolean',
  procMount: 'string',
  capabilities,
  seccompProfile: profile,
  appArmorProfile: profile,
  seLinuxOptions,
  windowsOptions,
});

const podSecurityContext = object({
  runAsNonRoot: 'boolean',
  runAsUser: 'int64',
  runAsGroup: 'int64',
  fsGroup: 'int64',
  supplementalGroups: list('int64'),
  sysctls: list(object({ name: 'string', value: 'string' })),
  seccompProfile: profile,
  appArmorProfile: profile,
  seLinuxOptions,
  windowsOptions,
});

const hostHandler = object({
  httpGet: object({ host: 'string', path: 'string', port: 'int-or-string', scheme: 'string' }),
  tcpSocket: object({ host: 'string', port: 'int-or-string' }),
  exec: 'any-object',
  grpc: 'any-object',
  sleep: 'any-object',
});

const container = object({
  name: 'string',
  image: 'string',
  ports: list(object({ name: 'string', containerPort: 'int32', hostPort: 'int32', hostIP: 'string', protocol: 'string' })),
  securityContext: containerSecurityContext,
  livenessProbe: hostHandler,
  readinessProbe: hostHandler,
  startupProbe: hostHandler,
  lifecycle: object({ postStart: hostHandler, preStop: hostHandler }),
});

/** Every volume source the restrictedVolumes check knows, allowed or not. */
export const volumeSources = [...allowedVolumeSources, ...restrictedVolumeSources];

const volume = object({
  name: 'string',
  ...Object.fromEntries(volumeSources.map((source) => [source, 'any-object' as FieldType])),
});

export const podSpecSchema: FieldType = object({
  hostNetwork: 'boolean',
  hostPID: 'boolean',
  hostIPC: 'boolean',
  hostUsers: 'boolean',
  runtimeClassName: 'string',
  os: object({ name: 'string' }),
  securityContext: podSecurityContext,
  volumes: list(volume),
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: list(container),
});

export const metadataSchema: FieldType = object({
  name: 'string',
  namespace: 'string',
  labels: { map: 'string' },
  annotations: { map: 'string' },
});
