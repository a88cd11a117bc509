/**
 * A workflow we show or write (README examples, `init`) must work as
 * pasted: it parses, uses only inputs and outputs the Action has, checks
 * out the history wherever its triggers need it, and never checks out a
 * pull request's code on pull_request_target.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { actionRepository } from '../../src/version.js';
import { repoRoot } from './paths.js';

interface Step {
  uses?: string;
  id?: string;
  with?: Record<string, unknown>;
}
export interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

export function expectUsableWorkflow(text: string): Workflow {
  const workflow = parse(text) as Workflow;
  expect(Object.keys(workflow.on ?? {}).length, text).toBeGreaterThan(0);
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const ours = steps.filter((s) => s.uses?.startsWith(`${actionRepository}@`));
  expect(ours.length, text).toBeGreaterThan(0);
  for (const step of ours) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), input).toContain(input);
  // steps.<id>.outputs.<name> name our step and its real outputs.
  const ids = new Set(ours.map((s) => s.id).filter((id) => id !== undefined));
  for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    expect(ids.has(id!), `steps.${id}`).toBe(true);
    expect(Object.keys(action.outputs)).toContain(output);
  }
  for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
    expect(step.uses).toBe('actions/checkout@v5');
    // merge_group and push have no pull request: both commits come from the local history.
    if ('merge_group' in workflow.on || 'push' in workflow.on) expect(step.with?.['fetch-depth'], text).toBe(0);
  }
  if ('pull_request_target' in workflow.on) {
    expect(steps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    expect(ours.every((s) => s.with?.source === 'api')).toBe(true);
  }
  expect(workflow.permissions?.['pull-requests']).toBe('write');
  expect(workflow.permissions?.checks).toBe('write');
  if (text.includes('upload-sarif')) expect(workflow.permissions?.['security-events']).toBe('write');
  return workflow;
}
