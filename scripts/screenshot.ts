// The README's picture of a review comment, regenerated from a bundled
// scenario: run the committed dist/index.js against the local GitHub
// emulator (as `npm run local` does), take the inline comment with the
// largest suggestion, render its markdown the way GitHub renders a review
// comment in "Files changed" (GFM, alerts, ```suggestion as a suggested
// change, GitHub's markdown CSS), and screenshot it with headless Chromium.
//
//   npm run screenshot                              # new-workload, level=restricted
//   npm run screenshot -- SCENARIO [input=value]... # another scenario or inputs
//
// Needs Chromium (apt-get install chromium; or set CHROMIUM to its path).
// Writes docs/review-comment.png and docs/review-comment.md (the comment's
// markdown, to see what the picture shows in a diff).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffArrays } from 'diff';
import { startEmulator } from '../test/helpers/github-emulator/index.js';
import { fixturesDir, repoRoot } from '../test/helpers/paths.js';
import { runAction } from '../test/helpers/runAction.js';

/** The parts of marked (a devDependency) this script uses. */
interface Token {
  readonly text: string;
  readonly lang?: string;
}
interface Renderer {
  readonly parser: { parse(tokens: unknown[]): string };
}
interface MarkedInstance {
  use(extension: { renderer: Record<string, (this: Renderer, token: Token) => string | false> }): void;
  parse(markdown: string, options: { async: false }): string;
  lexer(markdown: string): unknown[];
}
// marked and github-markdown-css are devDependencies of this script alone,
// loaded by name so that type-checking the project does not depend on them.
const markedName = 'marked';
const { Marked } = (await import(markedName)) as { Marked: new (options: { gfm: boolean; breaks?: boolean }) => MarkedInstance };

const [scenario = 'new-workload', ...settings] = process.argv.slice(2);
const inputs = Object.fromEntries((settings.length > 0 ? settings : ['level=restricted']).map((s) => s.split('=', 2) as [string, string]));
const docsDir = path.join(repoRoot, 'docs');
const width = 840;

interface PostedComment {
  readonly path: string;
  readonly line: number;
  readonly startLine: number | null;
  readonly body: string;
}

/** The review's inline comments on the scenario's pull request, as the Action posted them. */
async function postedComments(): Promise<PostedComment[]> {
  const emulator = await startEmulator();
  try {
    const dir = path.join(fixturesDir, 'scenarios', scenario);
    const pr = await emulator.addPullRequest({ owner: 'acme', repo: 'shop', number: 1, baseDir: path.join(dir, 'base'), headDir: path.join(dir, 'head') });
    const run = await runAction(emulator, pr, { inputs });
    if (run.status === null) throw new Error(`the Action did not finish: ${run.stderr}`);
    return emulator.state.reviews.flatMap((r) => r.comments);
  } finally {
    await emulator.close();
  }
}

const suggestionLines = (body: string) => /```suggestion\n([\s\S]*?)```/.exec(body)?.[1]?.split('\n').length ?? 0;

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The lines of a file in the scenario, at base or head ([] when absent). */
function fileLines(side: 'base' | 'head', file: string): string[] {
  const full = path.join(fixturesDir, 'scenarios', scenario, side, file);
  return existsSync(full) ? readFileSync(full, 'utf8').replace(/\n$/, '').split('\n') : [];
}

/** Which head lines the pull request added, as GitHub's diff shows them. */
function addedLines(file: string): Set<number> {
  const head = fileLines('head', file);
  const added = new Set<number>();
  let line = 0;
  for (const part of diffArrays(fileLines('base', file), head)) {
    if (part.removed) continue;
    for (let i = 0; i < part.value.length; i++) if (part.added) added.add(line + i + 1);
    line += part.value.length;
  }
  return added;
}

/** The few diff lines above a comment, as in the "Files changed" tab. */
function diffContext(comment: PostedComment): string {
  const head = fileLines('head', comment.path);
  const added = addedLines(comment.path);
  const first = Math.max(1, (comment.startLine ?? comment.line) - 4);
  const rows: string[] = [];
  for (let n = first; n <= comment.line; n++) {
    const kind = added.has(n) ? 'add' : 'ctx';
    rows.push(`<tr class="${kind}"><td class="num">${n}</td><td class="code">${kind === 'add' ? '+' : ' '}${escape(head[n - 1] ?? '')}</td></tr>`);
  }
  return `<table class="diff">${rows.join('')}</table>`;
}

/** GitHub's GFM, with its two review-specific renderings: alerts and suggested changes. */
function renderBody(comment: PostedComment): string {
  const head = fileLines('head', comment.path);
  const replaced = head.slice((comment.startLine ?? comment.line) - 1, comment.line);
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({
    renderer: {
      code(token: Token): string | false {
        if (token.lang !== 'suggestion') return false;
        const lines = token.text === '' ? [] : token.text.split('\n');
        const rows = [
          ...replaced.map((l) => `<tr class="del"><td class="code">-${escape(l)}</td></tr>`),
          ...lines.map((l) => `<tr class="add"><td class="code">+${escape(l)}</td></tr>`),
        ];
        return `<div class="suggestion"><div class="suggestion-head">Suggested change</div><table class="diff">${rows.join('')}</table><div class="suggestion-foot"><span class="button">Commit suggestion</span> <span class="button">Add suggestion to batch</span></div></div>`;
      },
      blockquote(this: Renderer, token: Token): string | false {
        const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*\n?/.exec(token.text);
        if (!alert) return false;
        const kind = alert[1]!.toLowerCase();
        const inner = this.parser.parse(new Marked({ gfm: true }).lexer(token.text.slice(alert[0].length)));
        return `<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title">${kind[0]!.toUpperCase()}${kind.slice(1)}</p>${inner}</div>`;
      },
    },
  });
  return marked.parse(comment.body, { async: false });
}

function page(comment: PostedComment): string {
  const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; padding: 16px; background: #fff; width: ${width - 32}px; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 14px; color: #1f2328; }
.file { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.file-head { background: #f6f8fa; padding: 8px 16px; border-bottom: 1px solid #d1d9e0; font-family: ui-monospace, "Liberation Mono", monospace; font-size: 12px; }
table.diff { border-collapse: collapse; width: 100%; font-family: ui-monospace, SFMono-Regular, "Liberation Mono", monospace; font-size: 12px; line-height: 20px; }
table.diff td.num { width: 1%; min-width: 40px; padding: 0 10px; text-align: right; color: #59636e; }
table.diff td.code { padding: 0 10px; white-space: pre; }
tr.add td { background: #dafbe1; } tr.add td.num { background: #aceebb; }
tr.del td { background: #ffebe9; }
.markdown-body table.diff { display: table; width: 100%; margin: 0; }
.markdown-body table.diff td, .markdown-body table.diff tr { border: 0; padding: 0 10px; }
.markdown-body table.diff tr.add td { background: #dafbe1; } .markdown-body table.diff tr.del td { background: #ffebe9; }
.thread { border-top: 1px solid #d1d9e0; background: #fff; padding: 16px; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-head { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.avatar { width: 20px; height: 20px; border-radius: 4px; background: #2da44e; }
.author { font-weight: 600; color: #1f2328; } .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; }
.markdown-body { padding: 16px; font-size: 14px; }
.suggestion { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 16px; overflow: hidden; }
.suggestion-head { padding: 6px 12px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-size: 12px; color: #59636e; }
.suggestion-foot { padding: 8px 12px; border-top: 1px solid #d1d9e0; text-align: right; }
.button { display: inline-block; padding: 3px 12px; border: 1px solid #d1d9e0; border-radius: 6px; background: #f6f8fa; font-size: 12px; font-weight: 500; }
</style></head><body>
<div class="file"><div class="file-head">${escape(comment.path)}</div>${diffContext(comment)}
<div class="thread"><div class="comment"><div class="comment-head"><span class="avatar"></span><span class="author">github-actions</span><span class="bot">bot</span> reviewed</div>
<div class="markdown-body">${renderBody(comment)}</div></div></div></div>
<script>document.title = String(Math.ceil(document.documentElement.getBoundingClientRect().height));</script>
</body></html>`;
}

function chromium(args: string[]): string {
  const binary = process.env.CHROMIUM ?? 'chromium';
  const result = spawnSync(binary, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=2', ...args], { encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run ${binary} (apt-get install chromium, or set CHROMIUM): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr}`);
  return result.stdout;
}

const comments = await postedComments();
const chosen = [...comments].sort((a, b) => suggestionLines(b.body) - suggestionLines(a.body))[0];
if (!chosen) throw new Error(`the Action posted no inline comment on ${scenario}`);
const temp = mkdtempSync(path.join(tmpdir(), 'psr-screenshot-'));
try {
  const html = path.join(temp, 'comment.html');
  writeFileSync(html, page(chosen));
  // First pass: the page's height, written into its title by the script above.
  const height = Number(/<title>(\d+)<\/title>/.exec(chromium(['--dump-dom', `file://${html}`]))?.[1]);
  if (!Number.isFinite(height) || height <= 0) throw new Error('could not measure the rendered comment');
  mkdirSync(docsDir, { recursive: true });
  const png = path.join(docsDir, 'review-comment.png');
  chromium([`--window-size=${width},${height}`, `--screenshot=${png}`, `file://${html}`]);
  writeFileSync(path.join(docsDir, 'review-comment.md'), `<!-- ${scenario}, ${chosen.path}:${chosen.line}, inputs ${JSON.stringify(inputs)}; npm run screenshot -->\n${chosen.body}`);
  process.stdout.write(`${path.relative(process.cwd(), png)}: ${scenario} ${chosen.path}:${chosen.line}, ${width}x${height} CSS px\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
