/**
 * The user documentation stays true without running anything: every link
 * leads somewhere, and every workflow the README shows can be pasted as is
 * (it parses, uses only inputs and outputs the Action has, and checks out
 * the history wherever its triggers need it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { actionRepository } from '../../src/version.js';
import { headingsOf } from '../helpers/actionDocs.js';
import { repoRoot } from '../helpers/paths.js';
import { expectUsableWorkflow } from '../helpers/workflows.js';
import type { Workflow } from '../helpers/workflows.js';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const docs = ['README.md', 'CONTRIBUTING.md'];

/** The README's complete workflows: the yaml blocks with jobs. */
function readmeWorkflows(): { text: string; workflow: Workflow }[] {
  const blocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.filter((text) => /^jobs:/m.test(text)).map((text) => ({ text, workflow: parse(text) as Workflow }));
}

const packageJson = JSON.parse(read('package.json')) as { repository: { url: string } };

describe('documentation links', () => {
  it.each(docs)('%s: every link to a heading or a file of the repository leads somewhere', (file) => {
    const text = read(file);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)|src="([^"]+)"/g)].map((m) => m[1] ?? m[2]!).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      const [target = '', anchor] = link.split('#');
      const targetFile = target === '' ? file : path.join(path.dirname(file), target);
      expect(existsSync(path.join(repoRoot, targetFile)), `${file}: ${link}`).toBe(true);
      if (anchor !== undefined) expect(headingsOf(read(targetFile)).map((h) => h.anchor), `${file}: ${link}`).toContain(anchor);
    }
  });
});

describe('README workflows', () => {
  const workflows = readmeWorkflows();

  it('include the quick start, the fork recipe and the SARIF upload', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(3);
    expect(workflows.some(({ workflow }) => 'pull_request_target' in workflow.on)).toBe(true);
    expect(workflows.some(({ text }) => text.includes('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it.each(readmeWorkflows().map(({ text }, i) => [i + 1, text] as const))('workflow %i works as pasted', (_i, text) => {
    expectUsableWorkflow(text);
  });

  it('the quick start runs one review at a time per pull request', () => {
    const quickStart = workflows[0]!.workflow;
    expect(quickStart.concurrency?.group).toContain('github.event.pull_request.number');
    expect(quickStart.concurrency?.['cancel-in-progress']).toBe(true);
    expect(Object.keys(quickStart.on)).toEqual(expect.arrayContaining(['pull_request', 'merge_group']));
  });

  it('every reference to the project on GitHub names the repository src/version.ts names', () => {
    // Renaming the repository is one constant (actionRepository) and the files this test lists.
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && !file.startsWith('dist/') && !file.startsWith('fixtures/pss-conformance/') && /\.(md|json|ya?ml|ts)$|^\.ci\//.test(file));
    const found = new Map<string, string[]>();
    for (const file of tracked) {
      if (!existsSync(path.join(repoRoot, file))) continue;
      for (const m of read(file).matchAll(/(?:github\.com|githubusercontent\.com)\/([\w.-]+\/pod-security-review)\b|uses: ([\w.-]+\/pod-security-review)@/g)) {
        const named = m[1] ?? m[2]!;
        found.set(named, [...(found.get(named) ?? []), file]);
      }
    }
    // A stray name shows with the files that hold it.
    expect(Object.fromEntries(found)).toEqual({ [actionRepository]: expect.any(Array) });
    // It is found where users meet it: the package, the docs, the schema's id, the pre-commit hook, the sample config.
    for (const file of ['package.json', 'README.md', 'SECURITY.md', 'CHANGELOG.md', '.pre-commit-hooks.yaml', 'schema/pod-security.schema.json', 'fixtures/policy/pod-security.yaml']) {
      expect(found.get(actionRepository), file).toContain(file);
    }
  });

  it('name the Action by the repository package.json points to', () => {
    expect(packageJson.repository.url).toContain(`github.com/${actionRepository}.git`);
    const references = [...read('README.md').matchAll(/uses: ([\w.-]+\/pod-security-review)@/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(3);
    for (const reference of references) expect(reference).toBe(actionRepository);
  });
});

describe('README for users first', () => {
  const readme = read('README.md');
  const sections = headingsOf(readme).filter((h) => h.level === 2).map((h) => h.text);

  it('opens with the quick start, and leaves contributor material to CONTRIBUTING.md', () => {
    expect(sections.slice(0, 2)).toEqual(['Contents', 'Quick start']);
    for (const moved of ['Performance', 'Layout', 'Set up and test']) {
      expect(sections).not.toContain(moved);
      expect(headingsOf(read('CONTRIBUTING.md')).map((h) => h.text)).toContain(moved);
    }
    // The set-up commands stay in the README too, last.
    expect(readme.indexOf('npm ci')).toBeGreaterThan(readme.indexOf('## Contributing'));
  });

  it('shows a review comment, rendered from a bundled scenario (npm run screenshot)', () => {
    expect(readme).toMatch(/<img src="docs\/review-comment\.png" width="(\d+)"/);
    const png = readFileSync(path.join(repoRoot, 'docs/review-comment.png'));
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    // Rendered at twice the width the README shows it, for sharp text.
    expect(png.readUInt32BE(16)).toBe(2 * Number(/<img src="docs\/review-comment\.png" width="(\d+)"/.exec(readme)![1]));
    const markdown = read('docs/review-comment.md');
    expect(markdown).toMatch(/^<!-- [\w-]+, [^ ]+:\d+, inputs .*; npm run screenshot -->\n/);
    expect(markdown).toContain('```suggestion\n');
  });

  it('states the runner version node24 needs', () => {
    expect(read('action.yml')).toMatch(/using: node24/);
    expect(readme).toMatch(/runner \*\*v2\.327\.1 or later\*\*/);
  });

  it('has a decision table for mode, fail-on, level and warn-level', () => {
    const header = readme.split('\n').find((line) => line.startsWith('| You want |'));
    for (const input of ['mode', 'fail-on', 'level', 'warn-level']) expect(header).toContain(`\`${input}\``);
  });
});
