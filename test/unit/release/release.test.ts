/**
 * Releases: the changelog is Keep a Changelog, versions agree, the release
 * helper finds the notes, dates a release and picks the major tag to move,
 * and the workflows do what CONTRIBUTING.md says they do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changelogProblems, changelogSections, majorTagFor, prepareChangelog, releaseProblems } from '../../../scripts/release.js';
import { actionRepository, majorTag, version } from '../../../src/version.js';
import { repoRoot } from '../../helpers/paths.js';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const changelog = read('CHANGELOG.md');

const sample = `# Changelog

## [Unreleased]

### Fixed

- A thing.

## [1.1.0] - 2027-02-01

### Added

- Another thing.

## [1.0.0] - 2027-01-01

### Added

- The first thing.

[Unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/o/r/releases/tag/v1.0.0
`;

describe('CHANGELOG.md', () => {
  it('follows Keep a Changelog: Unreleased first, dated semantic versions, newest first, each linked', () => {
    expect(changelog).toContain('[Keep a Changelog](https://keepachangelog.com/');
    const sections = changelogSections(changelog);
    expect(sections[0]?.version).toBe('Unreleased');
    expect(sections[0]?.body).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
    // Not released yet: the only problem is the missing section of the package's version.
    expect(changelogProblems(changelog, version).filter((p) => !p.startsWith(`no ## [${version}]`))).toEqual([]);
  });

  it('versions agree: package.json, the CLI, and the major tag the docs point to', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string; repository: { url: string } };
    expect(pkg.version).toBe(version);
    expect(majorTag).toMatch(/^v[1-9]\d*$/);
    expect(pkg.repository.url).toBe(`git+https://github.com/${actionRepository}.git`);
  });
});

describe('scripts/release.ts', () => {
  it('reads the sections of a changelog', () => {
    expect(changelogSections(sample).map((s) => [s.version, s.date])).toEqual([
      ['Unreleased', null],
      ['1.1.0', '2027-02-01'],
      ['1.0.0', '2027-01-01'],
    ]);
    expect(changelogSections(sample)[1]!.body).toBe('### Added\n\n- Another thing.');
    expect(changelogProblems(sample, '1.1.0')).toEqual([]);
  });

  it('prepares a release: Unreleased becomes the dated version, with its compare link', () => {
    const prepared = prepareChangelog(sample, '1.2.0', '2027-03-01', 'o/r');
    expect(changelogSections(prepared).map((s) => [s.version, s.date, s.body])).toEqual([
      ['Unreleased', null, ''],
      ['1.2.0', '2027-03-01', '### Fixed\n\n- A thing.'],
      ['1.1.0', '2027-02-01', '### Added\n\n- Another thing.'],
      ['1.0.0', '2027-01-01', '### Added\n\n- The first thing.'],
    ]);
    expect(prepared).toContain('[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD\n[1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0\n');
    expect(changelogProblems(prepared, '1.2.0')).toEqual([]);
    expect(() => prepareChangelog(prepared, '1.3.0', '2027-04-01', 'o/r')).toThrow('lists no changes');
  });

  it('prepares the first release of the real changelog', () => {
    const prepared = prepareChangelog(changelog, '1.0.0', '2027-01-01', actionRepository);
    expect(changelogProblems(prepared, '1.0.0')).toEqual([]);
    expect(prepared).toContain(`[1.0.0]: https://github.com/${actionRepository}/releases/tag/v1.0.0`);
  });

  it('refuses a release whose versions, changelog or tags disagree', () => {
    const ok = { packageVersion: '1.1.0', sourceVersion: '1.1.0', majorTag: 'v1', changelog: sample, tags: ['v1.0.0', 'v1'] };
    expect(releaseProblems(ok)).toEqual([]);
    expect(releaseProblems({ ...ok, sourceVersion: '1.0.0' })).toEqual(['src/version.ts says 1.0.0, package.json 1.1.0']);
    expect(releaseProblems({ ...ok, tags: ['v1.1.0'] })).toEqual(['tag v1.1.0 exists already: bump the version first']);
    expect(releaseProblems({ ...ok, packageVersion: '2.0.0', sourceVersion: '2.0.0' })).toEqual([
      'src/version.ts majorTag is v1, but this is version 2: the docs would point to the wrong tag',
      'no ## [2.0.0] - YYYY-MM-DD section: run npx tsx scripts/release.ts prepare 2.0.0',
    ]);
    expect(releaseProblems({ ...ok, packageVersion: '1.0.0', sourceVersion: '1.0.0', tags: [] })).toEqual(['## [1.0.0] is not the newest release in the changelog']);
  });

  it('moves the major tag only to the newest stable release of that major version', () => {
    expect(majorTagFor('v1.2.0', ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1'])).toBe('v1');
    expect(majorTagFor('v1.1.1', ['v1.0.0', 'v1.2.0', 'v1.1.1'])).toBe(null);
    expect(majorTagFor('v1.3.0', ['v1.2.0', 'v2.0.0'])).toBe('v1');
    expect(majorTagFor('v2.0.0-rc.1', ['v1.2.0'])).toBe(null);
    expect(majorTagFor('1.2.0', [])).toBe(null);
  });
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
const runs = (steps: Step[]) => steps.map((s) => s.run ?? '').join('\n');

describe('release workflow', () => {
  const release = workflow('release.yml');

  it('drafts on demand: dist/ fresh, versions agree, tests, tag vX.Y.Z, draft with the changelog notes and the package', () => {
    expect(Object.keys(release.on)).toEqual(['workflow_dispatch', 'release']);
    const script = runs(release.jobs.draft!.steps);
    const order = ['npm run bundle', 'git diff --exit-code --stat -- dist NOTICE', 'scripts/release.ts check', 'npm test', 'npm pack', 'git tag -a "v$VERSION"', 'git push origin "refs/tags/v$VERSION"', 'scripts/release.ts notes', 'gh release create "v$VERSION" --draft'];
    const positions = order.map((s) => script.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('moves the major tag when the release is published', () => {
    const script = runs(release.jobs.publish!.steps);
    expect(script).toContain('scripts/release.ts major-tag "$TAG"');
    expect(script).toContain('git push -f origin "refs/tags/$major"');
  });
});

describe('dogfood workflow', () => {
  it('runs the committed Action on the repository fixtures, and the CLI with the problem matcher', () => {
    const dogfood = workflow('dogfood.yml');
    const action = dogfood.jobs.action!.steps.find((s) => s.uses === './');
    expect(String(action?.with?.include)).toContain('fixtures/examples/**');
    expect(runs(dogfood.jobs.cli!.steps)).toContain('::add-matcher::problem-matcher.json');
  });
});
