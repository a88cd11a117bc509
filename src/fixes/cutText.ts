/**
 * A text cut from a larger one: some of its pieces, kept in order (the
 * smaller List that keeps some items of a large one, listLayout.ts; one
 * segment of a stream, segments.ts). Splices on the larger text that lie in
 * the pieces apply to the cut text.
 *
 * A verdict on a fixed text is kept under the change the splices make to the
 * cut text (CutText.change), and looked up far more often than made: the same
 * fixed text is verified once per pod spec's fixes and again per suggestion.
 * So the change is named from the splices and the span they cover, without
 * building the cut text or the fixed text whole.
 */
import { lastAtMostIn } from '../sortedSearch.js';
import { inOrder } from './text.js';
import type { Splice } from './text.js';

export interface Piece {
  /** The piece is `text.slice(from, to)`. */
  readonly from: number;
  readonly to: number;
  /** What the cut text writes before the piece (the comma between runs of flow List items). */
  readonly lead: string;
}

/** The change splices make to a cut text (CutText.change): where it lies, the text it writes there, and the length of the fixed text. */
export interface CutChange {
  /** `prefix:end`: the cut text from `prefix` to `end` is replaced. */
  readonly where: string;
  readonly text: string;
  readonly length: number;
}

export class CutText {
  /** Where each piece's lead starts in the cut text; the piece itself follows its lead. */
  private readonly leadAt: number[] = [];
  /** Each piece's offset in the cut text less its offset in the text. */
  private readonly shift: number[] = [];
  /** Where each piece ends in the text (the binary search of pieceOf reads them). */
  private readonly pieceEnds: number[] = [];
  readonly length: number;

  /** `pieces` are in text order and do not overlap (they may touch). */
  constructor(
    private readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {
    let at = 0;
    for (const piece of pieces) {
      this.leadAt.push(at);
      this.pieceEnds.push(piece.to);
      this.shift.push(at + piece.lead.length - piece.from);
      at += piece.lead.length + piece.to - piece.from;
    }
    this.length = at;
  }

  /** The cut text with the splices applied; null when one lies in no piece. */
  apply(splices: readonly Splice[]): string | null {
    const ordered = this.ordered(splices);
    return ordered === null ? null : this.build(0, this.length, ordered);
  }

  /**
   * The change the splices make, and the fixed text's length; null when a
   * splice lies in no piece. The change is named by what differs once the
   * common prefix and suffix are trimmed: where (`prefix:end`) and what (the
   * middle of the fixed text, which replaces the cut text from `prefix` to `end`).
   *
   * A verdict's key names the fixed text so, with the cut text named by the
   * rest of the key: the same text under the same expectation gets the same
   * verdict however its splices were cut (a pod spec's fixes, then the
   * suggestion that carries them), and a file's verdicts stay the size of its
   * fixes (a key with the fixed text made memory grow with fixes × file
   * size). Only the span the splices cover is built, and the common prefix
   * and suffix are found by reading on from its ends.
   */
  change(splices: readonly Splice[]): CutChange | null {
    const ordered = this.ordered(splices);
    if (ordered === null) return null;
    const before = this.length;
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    // The fixed text is before[0, start) + middle + before[end, length).
    const start = first ? first.start + this.shiftOf(first) : before;
    const end = last ? last.end + this.shiftOf(last) : before;
    const middle = this.build(start, end, ordered);
    const after = before - (end - start) + middle.length;
    const shortest = Math.min(before, after);
    // Both texts agree up to the first splice, and from the last one on.
    let prefix = start;
    while (prefix < shortest && this.code(prefix) === this.fixedCode(prefix, start, middle, after)) prefix++;
    let suffix = Math.min(before - end, shortest - prefix);
    while (suffix < shortest - prefix && this.code(before - 1 - suffix) === this.fixedCode(after - 1 - suffix, start, middle, after)) suffix++;
    return { where: `${prefix}:${before - suffix}`, text: this.fixedSlice(prefix, after - suffix, start, middle, after), length: after };
  }

  /**
   * The splices in the order they apply; null when one lies in no piece.
   * Ordered on the larger text, so that two insertions where a piece ends
   * and the next starts keep their pieces' order. Splices that overlap throw
   * SpliceConflict as applying them piece by piece would (two in different
   * pieces cannot overlap), even when another lies in no piece.
   */
  private ordered(splices: readonly Splice[]): Splice[] | null {
    let placed = 0;
    for (const splice of splices) if (this.pieceOf(splice) !== -1) placed++;
    if (placed === splices.length) return inOrder(splices);
    inOrder(splices.filter((splice) => this.pieceOf(splice) !== -1));
    return null;
  }

  /** What moves a placed splice's offsets onto the cut text. */
  private shiftOf(splice: Splice): number {
    return this.shift[this.pieceOf(splice)] ?? 0;
  }

  /** The first piece that holds the splice, or -1. Pieces' ends do not decrease: it is the first that ends at or after the splice's end. */
  private pieceOf(splice: Splice): number {
    const p = lastAtMostIn(this.pieceEnds, splice.end - 1) + 1;
    const piece = this.pieces[p];
    return piece !== undefined && piece.from <= splice.start && splice.end <= piece.to ? p : -1;
  }

  /** The fixed text's character code at `offset`: the cut text before `start` and after the middle, the middle between. */
  private fixedCode(offset: number, start: number, middle: string, after: number): number {
    if (offset < start) return this.code(offset);
    if (offset < start + middle.length) return middle.charCodeAt(offset - start);
    return this.code(offset - after + this.length);
  }

  /** The cut text's character code at `offset`. */
  private code(offset: number): number {
    const p = this.pieceAt(offset);
    const inText = offset - (this.shift[p] ?? 0);
    const piece = this.pieces[p]!;
    return inText < piece.from ? piece.lead.charCodeAt(offset - (this.leadAt[p] ?? 0)) : this.text.charCodeAt(inText);
  }

  /** The piece (with its lead) that holds cut-text offset `offset`: the last that starts at or before it. */
  private pieceAt(offset: number): number {
    return Math.max(0, lastAtMostIn(this.leadAt, offset));
  }

  /** The cut text from `from` to `to`. */
  private slice(from: number, to: number): string {
    let out = '';
    for (let p = this.pieceAt(from); p < this.pieces.length; p++) {
      const leadAt = this.leadAt[p] ?? 0;
      if (leadAt >= to) break;
      const piece = this.pieces[p]!;
      const bodyAt = leadAt + piece.lead.length;
      if (from < bodyAt) out += piece.lead.slice(Math.max(0, from - leadAt), to - leadAt);
      const bodyFrom = Math.max(from, bodyAt);
      const bodyTo = Math.min(to, bodyAt + piece.to - piece.from);
      if (bodyFrom < bodyTo) out += this.text.slice(piece.from + bodyFrom - bodyAt, piece.from + bodyTo - bodyAt);
    }
    return out;
  }

  /** The cut text from `from` to `to` with the splices (in order, all in pieces and inside that span) applied. */
  private build(from: number, to: number, ordered: readonly Splice[]): string {
    let out = '';
    let at = from;
    for (const splice of ordered) {
      const shift = this.shiftOf(splice);
      out += this.slice(at, splice.start + shift) + splice.insert;
      at = splice.end + shift;
    }
    return out + this.slice(at, to);
  }

  /** The fixed text from `from` to `to`: the cut text before `start` and after the middle, the middle between. */
  private fixedSlice(from: number, to: number, start: number, middle: string, after: number): string {
    const toCut = this.length - after;
    const head = from < start ? this.slice(from, Math.min(to, start)) : '';
    const body = middle.slice(Math.max(0, from - start), Math.max(0, to - start));
    const tailFrom = Math.max(from, start + middle.length);
    const tail = to > tailFrom ? this.slice(tailFrom + toCut, to + toCut) : '';
    return head + body + tail;
  }
}
