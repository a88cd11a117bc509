/**
 * The Action's real I/O: runner inputs and outputs through @actions/core,
 * files, git, and the GitHub API. index.ts runs with it; so does
 * `run()` called without arguments (as @github/local-action calls it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { mergeBase, readGitChangeSet } from '../git/changeSet.js';
import { apiTreeReader } from './render/api.js';
import { gitRenderPort } from './render/git.js';
import { openRenderer } from './render/renderer.js';
import { readFileAt } from '../git/files.js';
import { readNamespaceDocuments } from '../git/namespaces.js';
import { readNamespaceFiles } from '../git/namespaceWorkloads.js';
import { git } from '../git/run.js';
import { createClient } from '../github/client.js';
import { octokitPort } from '../github/octokitPort.js';
import type { ActionIO } from '../main.js';

/** Whether the local repository holds both commits (a checkout with enough history). */
async function hasCommits(workspace: string, shas: readonly string[]): Promise<boolean> {
  try {
    for (const sha of shas) await git(workspace, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

export function runnerIO(): ActionIO {
  return {
    input: (name) => core.getInput(name),
    env: process.env,
    readText: (path) => readFile(path, 'utf8'),
    writeText: (path, text) => writeFile(path, text),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    annotate: (level, message, where) => {
      const properties = { title: where.title, file: where.file, startLine: where.startLine };
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
    setFailed: (message) => core.setFailed(message),
    github: (token, baseUrl, writeInterval) => octokitPort(createClient({ token, baseUrl, log: (m) => core.info(m), ...(writeInterval !== undefined ? { writeInterval } : {}) })),
    gitChangeSet: async (workspace, base, head, maxBytes) =>
      (await hasCommits(workspace, [base, head])) ? readGitChangeSet({ repository: workspace, base, head, maxBytes }) : null,
    gitFile: (workspace, commit, path) => readFileAt(workspace, commit, path),
    gitNamespaceDocuments: (workspace, commit, maxBytes) => readNamespaceDocuments(workspace, commit, maxBytes),
    gitNamespaceFiles: (workspace, commit, request) => readNamespaceFiles(workspace, commit, request),
    renderPort: async (from, base, head, maxBytes) => {
      if (from.kind === 'git') {
        if (!(await hasCommits(from.workspace, [base, head]))) return null;
        return gitRenderPort(from.workspace, await mergeBase(from.workspace, base, head), head, maxBytes);
      }
      const reader = apiTreeReader(from.github, from.owner, from.repo);
      return openRenderer({ reader, base: await from.github.mergeBase(from.owner, from.repo, base, head), head });
    },
    today: () => new Date().toISOString().slice(0, 10),
  };
}
