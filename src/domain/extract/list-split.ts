import { foldWidth } from './text-width.js';
import { parseChineseNumeral } from './chinese-numerals.js';

/**
 * Splits a cell written as a numbered list ("1.…；\n2.…") into its entries. Offices number
 * with 1. 1、 1 . （1） ① 一、 — and Word's conversions lose line breaks, leaving several
 * markers on one line ("…服务；   2.联动…"), or lose the dot ("3加快启动…"). A marker in the
 * middle of a line, or one without punctuation, is only believed when it continues the
 * sequence, so "打造“证照分离”2.0版" or "2022年" are never split.
 */

export interface ListEntry {
  /** The entry without its marker and trailing separator. */
  text: string;
  /** The marker's number (1 for "1." "（1）" "①" "一、"), when there was a marker. */
  number?: number;
  /** Offset of the entry (marker included) in the cell text. */
  start: number;
}

export interface ListSplit {
  entries: ListEntry[];
  /** Jumps in the marker sequence ("1." then "3."): [previous, next]. */
  gaps: [number, number][];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

// A marker at the start of a line. The "1." form must not be followed by a digit — except a
// date glued to it: a four-digit year ("1.2022年") or a month ("1.6月底前", "2、12月20日前").
const LINE_MARKER = new RegExp(
  String.raw`^[ \t]*(?:` +
    String.raw`(?<arabic>\d{1,2})[ \t]*[.、](?!\d)|` +
    String.raw`(?<arabicYear>\d{1,2})[ \t]*[.、](?=\d{4}[ \t]*年|(?:1[0-2]|0?[1-9])[ \t]*月)|` +
    String.raw`[(（][ \t]*(?<paren>\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*[)）]|` +
    String.raw`(?<circled>[${CIRCLED}])|` +
    String.raw`(?<hanzi>[一二三四五六七八九十]{1,3})[ \t]*、|` +
    String.raw`(?<bare>\d{1,2})(?=[\u4e00-\u9fff])` +
    String.raw`)[ \t]*`,
  'u',
);

// A marker after a sentence end on the same line, believed only when it continues the sequence.
// Like a line marker, it may be glued to a year or a month ("；2.2022年…", "；2.6月底前…").
const INLINE_MARKER = new RegExp(
  String.raw`(?<=[；;。])[ \t]*(?:(?<n>\d{1,2})[ \t]*[.、](?!\d(?!\d{3}[ \t]*年|\d?[ \t]*月))|[(（](?<p>\d{1,2})[)）]|(?<c>[${CIRCLED}]))[ \t]*`,
  'gu',
);

export function splitList(cellText: string): ListSplit {
  const text = foldWidth(cellText);
  const raw: { start: number; body: number; number?: number; bare?: boolean }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = LINE_MARKER.exec(line);
    if (m && line.trim() !== '') {
      const g = m.groups!;
      const n = markerNumber(g);
      raw.push({ start: offset, body: offset + m[0].length, number: n, bare: g.bare !== undefined });
    } else if (line.trim() !== '') {
      raw.push({ start: offset, body: offset + (line.length - line.trimStart().length) });
    }
    offset += line.length + 1;
  }

  // Believe a bare "3加快" only when it continues the sequence; otherwise it is text.
  let prev: number | undefined;
  const accepted: typeof raw = [];
  for (const r of raw) {
    if (r.bare && (prev === undefined || r.number !== prev + 1)) {
      r.number = undefined;
      r.body = r.start + (text.slice(r.start).length - text.slice(r.start).trimStart().length);
    }
    if (r.number !== undefined) prev = r.number;
    accepted.push(r);
  }

  // Lines without a marker after a marked line continue that entry; before any marker, or in
  // a cell with no markers at all, each line is an entry of its own.
  const anyMarker = accepted.some((r) => r.number !== undefined);
  const blocks: { start: number; body: number; end: number; number?: number }[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const r = accepted[i]!;
    const lineEnd = text.indexOf('\n', r.start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const last = blocks[blocks.length - 1];
    if (r.number === undefined && anyMarker && last?.number !== undefined) {
      last.end = end;
    } else {
      blocks.push({ start: r.start, body: r.body, end, number: r.number });
    }
  }

  // Lost line breaks: several markers on one line.
  const entries: ListEntry[] = [];
  let expected: number | undefined;
  for (const b of blocks) {
    let cursor = b.body;
    let curStart = b.start;
    let curNumber = b.number;
    if (curNumber !== undefined) expected = curNumber + 1;
    const segment = text.slice(b.body, b.end);
    for (const m of segment.matchAll(INLINE_MARKER)) {
      const g = m.groups!;
      const n = g.c ? CIRCLED.indexOf(g.c) + 1 : Number(g.n ?? g.p);
      if (expected === undefined || n !== expected) continue;
      const at = b.body + m.index!;
      entries.push(makeEntry(cellText, curStart, cursor, at, curNumber));
      curStart = at;
      cursor = at + m[0].length;
      curNumber = n;
      expected = n + 1;
    }
    entries.push(makeEntry(cellText, curStart, cursor, b.end, curNumber));
  }

  const gaps: [number, number][] = [];
  let last: number | undefined;
  for (const e of entries) {
    if (e.number === undefined) continue;
    if (last !== undefined && e.number > last + 1) gaps.push([last, e.number]);
    last = e.number;
  }
  return { entries: entries.filter((e) => e.text !== ''), gaps };
}

function makeEntry(original: string, start: number, body: number, end: number, number?: number): ListEntry {
  const text = original
    .slice(body, end)
    .replace(/^[\s\u3000]+/u, '')
    .replace(/[\s\u3000；;，,]+$/u, '');
  const e: ListEntry = { text, start };
  if (number !== undefined) e.number = number;
  return e;
}

function markerNumber(g: Record<string, string | undefined>): number | undefined {
  const s = g.arabic ?? g.arabicYear ?? g.paren ?? g.hanzi ?? g.bare;
  if (g.circled) return CIRCLED.indexOf(g.circled) + 1;
  if (s === undefined) return undefined;
  return /^\d+$/.test(s) ? Number(s) : (parseChineseNumeral(s) ?? undefined);
}
