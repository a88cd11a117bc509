/**
 * The JSON Schema of the config file (`.github/pod-security.yaml`), for
 * editors: with a `# yaml-language-server: $schema=…` comment they complete
 * keys and flag mistakes while typing. It is built from the parser's own
 * definitions (its key lists, the check registry, the level names and the
 * version syntax), so a key the parser learns is a key the schema must
 * describe: `test/unit/policy/schema.test.ts` fails until it does, and
 * fails when `schema/pod-security.schema.json` is not what this module
 * builds (`npx tsx scripts/config-schema.ts` rewrites it).
 *
 * The parser stays the authority: it also checks what a schema cannot say
 * (balanced glob brackets, duplicate keys, YAML 1.1 booleans such as
 * `strict: yes`, which editors read as YAML 1.2 strings and flag).
 */
import { levels } from '../pss/levels.js';
import { actionRepository, majorTag } from '../version.js';
import { checkIds } from './checkIds.js';
import { configurable } from './sources/adviceConfig.js';
import type { adviceKeys } from './sources/adviceConfig.js';
import { renderOutputBounds, renderTimeoutBounds } from './config.js';
import type { NumberBounds, chartKeys, renderKustomizeKeys, disableKeys, exemptionKeys, matchKeys, renderKeys, ruleKeys, topLevelKeys } from './config.js';

type Schema = Record<string, unknown>;

/** Where the schema of the current major version is published, for `$schema` comments. */
export const policyConfigSchemaUrl = `https://raw.githubusercontent.com/${actionRepository}/${majorTag}/schema/pod-security.schema.json`;

const level: Schema = { type: 'string', enum: [...levels] };
const version: Schema = { type: 'string', pattern: '^(latest|v1\\.(0|[1-9][0-9]*))$' };
/** Not empty, no leading or trailing space, no "!" negation, no "\\". */
const globBase = '(?![!\\s])(?!.*\\s$)(?!.*\\\\)';
const namePattern: Schema = { type: 'string', pattern: `^${globBase}[^/A-Z]+$` };
const fileGlob: Schema = { type: 'string', pattern: `^${globBase}(?!/)(?!(.*/)?\\.\\.(/|$)).+$` };
const imagePattern: Schema = { type: 'string', pattern: '^\\S+$' };
const extraCheck: Schema = { type: 'string', enum: [...configurable] };
const number = (bounds: NumberBounds, description: string): Schema => ({ type: bounds.integer ? 'integer' : 'number', exclusiveMinimum: bounds.above, maximum: bounds.max, description });
const list = (items: Schema, description: string, extra: Schema = {}): Schema => ({ type: 'array', description, items, minItems: 1, ...extra });

const modeProperties: Record<'level' | 'warn-level' | 'version' | 'warn-version', Schema> = {
  level: { ...level, description: 'The enforced level: its violations block (failed check run, exit status 1). Default: baseline.' },
  'warn-level': { ...level, description: 'The warn level: its extra violations are reported, never blocking. Default: restricted.' },
  version: { ...version, description: 'Policy version of both levels, as the pod-security.kubernetes.io/enforce-version label: latest or v1.N. Default: latest.' },
  'warn-version': { ...version, description: 'Version of the warn level. Default: as version.' },
};

const properties: Record<(typeof topLevelKeys)[number], Schema> = {
  ...modeProperties,
  'namespace-labels': { type: 'boolean', description: "Judge workloads by the pod-security.kubernetes.io labels of the repository's Namespace manifests, as the cluster does. Default: true." },
  strict: { type: 'boolean', description: 'true: pod-security-review/ignore annotations are not honoured (authors cannot exempt themselves). Default: false.' },
  'opt-outs': {
    enum: ['base-only', 'any', 'none'],
    description: 'Which pod-security-review/ignore annotations count in a pull request: base-only (those already at the base commit; one the pull request adds is a policy change), any, or none (as strict: true). Default: base-only.',
  },
  'policy-changes': {
    enum: ['block', 'warn'],
    description: 'A pull request that relaxes the policy judging it (a pod-security label lowered, a namespace newly privileged, an opt-out added, a workload moved into a more lenient namespace or path): block (default) or warn.',
  },
  'preview-version': { ...version, description: 'Also evaluate at this version and report, never blocking, what would start failing after a cluster upgrade.' },
  exemptions: {
    type: 'object',
    description: 'Exempt pod specs, as Pod Security Admission: exact names, not patterns. They are still evaluated, and their findings listed as ignored.',
    additionalProperties: false,
    properties: {
      namespaces: { type: 'array', description: 'Namespace names.', items: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 }, uniqueItems: true },
      runtimeClassNames: {
        type: 'array',
        description: 'RuntimeClass names.',
        items: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', maxLength: 253 },
        uniqueItems: true,
      },
    } satisfies Record<(typeof exemptionKeys)[number], Schema>,
  },
  rules: {
    type: 'array',
    description: 'Levels per namespace and path; the first matching rule wins over the top-level settings (namespace labels win over rules).',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['match'],
      anyOf: Object.keys(modeProperties).map((key) => ({ required: [key] })),
      properties: {
        match: {
          type: 'object',
          description: 'When the rule applies: every given condition must match.',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            namespaces: list(namePattern, 'Namespace name patterns (globs: prod-*).'),
            files: list(fileGlob, 'File globs (minimatch) on paths relative to the repository root.'),
          } satisfies Record<(typeof matchKeys)[number], Schema>,
        },
        ...modeProperties,
      } satisfies Record<(typeof ruleKeys)[number], Schema>,
    },
  },
  disable: {
    type: 'array',
    description: 'Per-check disables: a finding is set aside (listed as ignored) when every given scope matches.',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['checks'],
      properties: {
        checks: list({ type: 'string', enum: [...checkIds] }, 'The check IDs to disable, as findings print them ([hostPorts]).'),
        namespaces: list(namePattern, 'Namespace name patterns.'),
        files: list(fileGlob, 'File globs (minimatch) on paths relative to the repository root.'),
        workloads: list(namePattern, 'Workload name patterns.'),
        images: list(imagePattern, 'Container image patterns (Kyverno-style: * also crosses / and :); every container the finding concerns must match.'),
        reason: { type: 'string', pattern: '\\S', description: 'Why: shown with every finding this sets aside.' },
      } satisfies Record<(typeof disableKeys)[number], Schema>,
    },
  },
  advice: {
    type: 'object',
    description: 'Checks beyond the Pod Security Standards: hardening advice (advice.*, off by default) and the PodSecurityPolicy leftover (psp.removed, on). Never blocking unless listed in blocking.',
    additionalProperties: false,
    properties: {
      enable: { type: 'array', description: 'Checks to run (all: every advice.* check).', items: extraCheck },
      disable: { type: 'array', description: 'Checks not to run.', items: extraCheck },
      blocking: { type: 'array', description: 'Checks whose findings block (they are enabled too).', items: extraCheck },
    } satisfies Record<(typeof adviceKeys)[number], Schema>,
  },
  render: {
    type: 'object',
    description: 'How Helm charts and Kustomize overlays are rendered before their pod specs are checked.',
    additionalProperties: false,
    properties: {
      charts: {
        type: 'array',
        description: 'Settings per chart; charts not listed render with their defaults.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['chart'],
          properties: {
            chart: { type: 'string', pattern: '\\S', description: "The chart's folder, relative to the repository root (charts/web)." },
            release: { type: 'string', pattern: '\\S', description: 'The release name to render with.' },
            namespace: { type: 'string', pattern: '\\S', description: 'The namespace to render into.' },
            values: { type: 'array', items: { type: 'string' }, description: "Values files, relative to the repository root, in the order helm takes them: the chart's values everywhere, instead of one rendering per values file beside its values.yaml ([] for none)." },
            'ci-values': { type: 'boolean', description: "Also render with each of the chart's ci/*-values.yaml files." },
          } satisfies Record<(typeof chartKeys)[number], Schema>,
        },
      },
      timeout: number(renderTimeoutBounds, 'Seconds each run of helm or kustomize may take before it is stopped and reported as a render error. Default: 60.'),
      kustomize: {
        type: 'object',
        description: 'How Kustomize overlays are rendered.',
        additionalProperties: false,
        properties: {
          helm: { type: 'boolean', description: "Inflate helmCharts (kustomize --enable-helm with the helm on PATH), from charts in the repository only (helmGlobals.chartHome); a chart's repo is never pulled. Default: false: an overlay with helmCharts is reported as not rendered." },
        } satisfies Record<(typeof renderKustomizeKeys)[number], Schema>,
      },
      'max-output-size': number(renderOutputBounds, 'Bytes of output each run of helm or kustomize may write before it is stopped and reported as a render error. Default: 16777216 (16 MiB).'),
      'kube-version': {
        type: 'string',
        pattern: '^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$',
        description: "The Kubernetes version the cluster runs (1.31, v1.31.2): charts render with it (helm's --kube-version), as Argo CD and Flux render them for their cluster, unless their Application or helmfile release names its own. Default: helm's own.",
      },
      'api-versions': {
        type: 'array',
        items: { type: 'string', pattern: '^([a-z0-9.-]+/)?v[0-9]+[a-z0-9]*(/[A-Za-z][A-Za-z0-9]*)?$' },
        description: "API versions the cluster serves beyond helm's built-in ones (policy/v1, monitoring.coreos.com/v1/ServiceMonitor): charts render with them (helm's --api-versions), unless their Application or helmfile release names its own.",
      },
    } satisfies Record<(typeof renderKeys)[number], Schema>,
  },
};

/** The schema as published in `schema/pod-security.schema.json`. */
export function policyConfigSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: policyConfigSchemaUrl,
    title: 'pod-security-review policy config (.github/pod-security.yaml)',
    description: 'Which Pod Security Standards level and version judge which workloads. Every key is optional; an empty file is the defaults.',
    type: ['object', 'null'],
    additionalProperties: false,
    properties,
  };
}

/** The schema file's text: two-space JSON and a final newline. */
export function policyConfigSchemaText(): string {
  return `${JSON.stringify(policyConfigSchema(), null, 2)}\n`;
}
