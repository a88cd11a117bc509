import { describe, expect, it } from 'vitest';
import { fingerprintMarker, readFingerprints } from '../../../src/report/fingerprint.js';
import { escapeText, inlineCode, messageText, plainText } from '../../../src/report/markdown.js';

describe('manifest text in markdown', () => {
  it('shows prose as written, with nothing interpreted', () => {
    expect(escapeText('a *b* [c](d) <i>e</i> & `f` | g\nh')).toBe('a \\*b\\* \\[c\\](d) &lt;i&gt;e&lt;/i&gt; &amp; \\`f\\` \\| g h');
  });

  it('breaks mentions, references and marker openers with an invisible character', () => {
    expect(escapeText('@org/team #12 GH-3')).toBe('@\u200borg/team #\u200b12 GH-\u200b3');
    expect(plainText('ping @alice about #7')).toBe('ping @\u200balice about #\u200b7');
    expect(inlineCode('<!-- pod-security-review:AAA -->')).toBe('`<\u200b!-- pod-security-review:AAA -->`');
    expect(escapeText('user@example.com')).toBe('user@\u200bexample.com');
  });

  it("keeps a message's quoted names and commands as code spans, and the rest as prose", () => {
    expect(messageText('not vendored (run `helm dependency build` and commit it)')).toBe('not vendored (run `helm dependency build` and commit it)');
    // What a tool or a manifest wrote stays inert, inside a span or out of it.
    expect(messageText('failed: `@org/team <b>x</b>` then *y* @alice')).toBe('failed: `@\u200borg/team <b>x</b>` then \\*y\\* @\u200balice');
    // An unpaired backtick is prose.
    expect(messageText('a ` b')).toBe('a \\` b');
  });

  it('makes a code span no backtick run can close, on one line', () => {
    expect(inlineCode('plain')).toBe('`plain`');
    expect(inlineCode('a ``` b')).toBe('````a ``` b````');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
    expect(inlineCode('two\nlines')).toBe('`two lines`');
  });
});

describe('fingerprint markers', () => {
  it('count only at the end of a body, each on its own line', () => {
    const ours = fingerprintMarker(['abc', 'def']);
    expect(readFingerprints(`text\n\n${ours}`)).toEqual(['abc', 'def']);
    expect(readFingerprints(`text\n\n${fingerprintMarker('old1')}\n${fingerprintMarker('old2')}\n`)).toEqual(['old1', 'old2']);
    expect(readFingerprints(`quoted ${fingerprintMarker('fake')} in a line\n\n${ours}`)).toEqual(['abc', 'def']);
    expect(readFingerprints(`\`\`\`suggestion\n${fingerprintMarker('fake')}\n\`\`\`\nafter`)).toEqual([]);
  });
});
