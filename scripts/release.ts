// Release helpers, for maintainers and .github/workflows/release.yml
// (CONTRIBUTING.md, "Releasing"):
//
//   npx tsx scripts/release.ts prepare X.Y.Z   # bump the version, date the changelog's Unreleased section
//   npx tsx scripts/release.ts check           # versions, changelog and tags agree; prints version= and major=
//   npx tsx scripts/release.ts notes X.Y.Z     # the changelog section of X.Y.Z, for the release notes
//   npx tsx scripts/release.ts major-tag vX.Y.Z # prints vX when vX.Y.Z is the newest release of vX
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: string | null;
}

export function parseVersion(text: string): Version | null {
  const m = semver.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ?? null } : null;
}

/** Semantic-version order (prerelease identifiers compared as whole strings: enough for rc.N). */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || (a.prerelease === b.prerelease ? 0 : a.prerelease === null ? 1 : b.prerelease === null ? -1 : a.prerelease < b.prerelease ? -1 : 1);
}

export interface ChangelogSection {
  readonly version: string;
  readonly date: string | null;
  readonly body: string;
}

/** The `## [x] - date` sections of a Keep a Changelog file, in file order. */
export function changelogSections(changelog: string): ChangelogSection[] {
  const sections: ChangelogSection[] = [];
  const pattern = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?[^\n]*\n([\s\S]*?)(?=^## \[|^\[[^\]]+\]: |(?![\s\S]))/gm;
  for (const m of changelog.matchAll(pattern)) sections.push({ version: m[1]!, date: m[2] ?? null, body: m[3]!.trim() });
  return sections;
}

/** Problems with the changelog for releasing `version` (empty: fine). */
export function changelogProblems(changelog: string, version: string): string[] {
  const problems: string[] = [];
  const sections = changelogSections(changelog);
  if (sections[0]?.version !== 'Unreleased') problems.push('the first section must be ## [Unreleased]');
  const released = sections.filter((s) => s.version !== 'Unreleased');
  for (const s of released) {
    if (!parseVersion(s.version)) problems.push(`## [${s.version}] is not a semantic version`);
    if (s.date === null) problems.push(`## [${s.version}] has no date (## [${s.version}] - YYYY-MM-DD)`);
  }
  for (let i = 1; i < released.length; i++) {
    const [newer, older] = [parseVersion(released[i - 1]!.version), parseVersion(released[i]!.version)];
    if (newer && older && compareVersions(newer, older) <= 0) problems.push(`## [${released[i - 1]!.version}] must come before ## [${released[i]!.version}] (newest first)`);
  }
  const section = released.find((s) => s.version === version);
  if (!section) problems.push(`no ## [${version}] - YYYY-MM-DD section: run npx tsx scripts/release.ts prepare ${version}`);
  else if (section !== released[0]) problems.push(`## [${version}] is not the newest release in the changelog`);
  else if (section.body === '') problems.push(`## [${version}] lists no changes`);
  for (const s of sections) if (!new RegExp(`^\\[${s.version.replace(/\./g, '\\.')}\\]: \\S+`, 'm').test(changelog)) problems.push(`no link reference [${s.version}]: … at the end`);
  return problems;
}

/** The changelog with its Unreleased changes moved under `## [version] - date`, and the link references updated. */
export function prepareChangelog(changelog: string, version: string, date: string, repository: string): string {
  const unreleased = changelogSections(changelog).find((s) => s.version === 'Unreleased');
  if (!unreleased || unreleased.body === '') throw new Error('the Unreleased section lists no changes to release');
  const previous = changelogSections(changelog).find((s) => s.version !== 'Unreleased')?.version;
  let text = changelog.replace(/^## \[Unreleased\][^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${date}\n`);
  const base = `https://github.com/${repository}`;
  const unreleasedLink = `[Unreleased]: ${base}/compare/v${version}...HEAD`;
  const versionLink = `[${version}]: ${previous ? `${base}/compare/v${previous}...v${version}` : `${base}/releases/tag/v${version}`}`;
  text = text.replace(/^\[Unreleased\]: .*$/m, `${unreleasedLink}\n${versionLink}`);
  return text;
}

/** The major tag to move to `tag` (vX.Y.Z): `vX` when it is the newest stable release of X among `tags`, else null. */
export function majorTagFor(tag: string, tags: readonly string[]): string | null {
  const version = parseVersion(tag.replace(/^v/, ''));
  if (!version || version.prerelease !== null || !tag.startsWith('v')) return null;
  const sameMajor = tags
    .map((t) => (t.startsWith('v') ? parseVersion(t.slice(1)) : null))
    .filter((v): v is Version => v !== null && v.prerelease === null && v.major === version.major);
  return sameMajor.every((v) => compareVersions(v, version) <= 0) ? `v${version.major}` : null;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
}

function sourceVersion(): string | undefined {
  return /export const version = '([^']+)'/.exec(readFileSync('src/version.ts', 'utf8'))?.[1];
}

function sourceMajorTag(): string | undefined {
  return /export const majorTag = '([^']+)'/.exec(readFileSync('src/version.ts', 'utf8'))?.[1];
}

/** Problems that stop a release of the checked-out version (empty: fine). */
export function releaseProblems(input: { packageVersion: string; sourceVersion: string | undefined; majorTag: string | undefined; changelog: string; tags: readonly string[] }): string[] {
  const problems: string[] = [];
  const version = parseVersion(input.packageVersion);
  if (!version) return [`package.json version ${input.packageVersion} is not a semantic version`];
  if (input.sourceVersion !== input.packageVersion) problems.push(`src/version.ts says ${input.sourceVersion}, package.json ${input.packageVersion}`);
  if (version.major >= 1 && input.majorTag !== `v${version.major}`) problems.push(`src/version.ts majorTag is ${input.majorTag}, but this is version ${version.major}: the docs would point to the wrong tag`);
  if (input.tags.includes(`v${input.packageVersion}`)) problems.push(`tag v${input.packageVersion} exists already: bump the version first`);
  problems.push(...changelogProblems(input.changelog, input.packageVersion));
  return problems;
}

function gitTags(): string[] {
  return execFileSync('git', ['tag', '--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

function main(args: string[]): number {
  const [command, argument] = args;
  if (command === 'prepare' && argument !== undefined && parseVersion(argument)) {
    const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(readFileSync('package.json', 'utf8'))?.[1] ?? '';
    writeFileSync('CHANGELOG.md', prepareChangelog(readFileSync('CHANGELOG.md', 'utf8'), argument, new Date().toISOString().slice(0, 10), repository));
    for (const file of ['package.json', 'package-lock.json']) {
      // The root package's version only: the first "version" of each file.
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"version": "[^"]+"/, `"version": "${argument}"`).replace(/("packages": \{\s*"": \{\s*"name": "[^"]+",\s*"version": )"[^"]+"/, `$1"${argument}"`));
    }
    writeFileSync('src/version.ts', readFileSync('src/version.ts', 'utf8').replace(/export const version = '[^']+'/, `export const version = '${argument}'`));
    process.stdout.write(`Prepared ${argument}: review CHANGELOG.md, run npm run bundle, commit, and run the Release workflow on main.\n`);
    return 0;
  }
  if (command === 'check') {
    const version = packageVersion();
    const problems = releaseProblems({ packageVersion: version, sourceVersion: sourceVersion(), majorTag: sourceMajorTag(), changelog: readFileSync('CHANGELOG.md', 'utf8'), tags: gitTags() });
    for (const problem of problems) process.stderr.write(`release: ${problem}\n`);
    if (problems.length > 0) return 1;
    process.stdout.write(`version=${version}\nmajor=v${parseVersion(version)!.major}\n`);
    return 0;
  }
  if (command === 'notes' && argument !== undefined) {
    const section = changelogSections(readFileSync('CHANGELOG.md', 'utf8')).find((s) => s.version === argument);
    if (!section) {
      process.stderr.write(`release: no ## [${argument}] section in CHANGELOG.md\n`);
      return 1;
    }
    process.stdout.write(`${section.body}\n\nSee [CHANGELOG.md](CHANGELOG.md) for earlier versions. Pin to this release's commit SHA for immutability (README, Versions and pinning).\n`);
    return 0;
  }
  if (command === 'major-tag' && argument !== undefined) {
    const major = majorTagFor(argument, gitTags());
    if (major !== null) process.stdout.write(`${major}\n`);
    return 0;
  }
  process.stderr.write('usage: npx tsx scripts/release.ts prepare X.Y.Z | check | notes X.Y.Z | major-tag vX.Y.Z\n');
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
