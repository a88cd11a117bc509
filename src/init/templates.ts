/**
 * What `pod-security-review init` writes: a commented policy file and the
 * workflow that runs the Action on pull requests and in the merge queue.
 * Pure text, so tests can hold the files to the same rules as the README's
 * examples (the config parses and validates against the schema; the
 * workflow uses only real inputs and checks out what its triggers need).
 */
import { defaultConfigPath } from '../policy/config.js';
import { policyConfigSchemaUrl } from '../policy/schema.js';
import type { Level } from '../pss/types.js';
import { actionRepository, majorTag } from '../version.js';

export const workflowPath = '.github/workflows/pod-security.yml';

/** The policy file, with the given enforced level and every other key explained. */
export function configTemplate(level: Level): string {
  return `# yaml-language-server: $schema=${policyConfigSchemaUrl}
# Pod Security policy for this repository, read by pod-security-review
# (https://github.com/${actionRepository}#policy). Every key is optional.
# The Action reads this file at the pull request's base commit: a pull
# request cannot relax the policy that judges it.

# The enforced level: its violations fail the check and block the merge.
# privileged (checks nothing), baseline (no known privilege escalations) or
# restricted (current pod hardening best practice).
level: ${level}

# Reported as warnings, never blocking: what restricted would ask next.
warn-level: restricted

# The policy version, as the pod-security.kubernetes.io/enforce-version
# label: latest, or v1.N to judge as that Kubernetes version does.
version: latest

# Also report, never blocking, what would start failing at this version
# (useful before a cluster upgrade when version is pinned).
# preview-version: latest

# Judge workloads by the pod-security.kubernetes.io/* labels of the
# Namespace manifests in this repository, as the cluster does.
namespace-labels: true

# true: authors cannot exempt their own workloads with
# pod-security-review/ignore annotations.
strict: false

# Exempt pod specs, as Pod Security Admission does: exact names.
# Their findings are still listed, as ignored.
# exemptions:
#   namespaces: [kube-system]
#   runtimeClassNames: []

# Levels per namespace or path; the first matching rule wins. The labels of
# a Namespace manifest win over rules, as in the cluster.
# rules:
#   - match: { namespaces: [prod-*], files: ["deploy/prod/**"] }
#     level: restricted
#   - match: { files: ["deploy/legacy/**"] }
#     level: privileged

# Set a check aside where it is expected, and say why.
# disable:
#   - checks: [hostPorts]
#     namespaces: [ingress]
#     workloads: [ingress-nginx]
#     reason: the ingress controller binds host ports
`;
}

/** The workflow: the README's quick start, with the policy left to the config file. */
export function workflowTemplate(): string {
  return `# Pod Security review of the Kubernetes manifests each pull request changes.
# Policy: ${defaultConfigPath}. Inputs: https://github.com/${actionRepository}#inputs-and-outputs
name: Pod Security
on:
  pull_request:
    types: [opened, synchronize, reopened, ready_for_review]
  merge_group:
permissions:
  contents: read        # read the manifests
  pull-requests: write  # inline review comments with suggestions
  checks: write         # the "Pod Security" check run
concurrency:            # one review at a time per pull request; a new push supersedes
  group: pod-security-\${{ github.event.pull_request.number || github.ref }}
  cancel-in-progress: true
jobs:
  pod-security:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0   # required for merge_group and push; reads both commits locally
      # Pin to a full commit SHA for immutability: see
      # https://github.com/${actionRepository}#versions-and-pinning
      - uses: ${actionRepository}@${majorTag}
`;
}
