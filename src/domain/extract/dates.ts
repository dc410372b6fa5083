import { foldWidth } from './text-width.js';
import { parseChineseNumeral } from './chinese-numerals.js';

/**
 * Date phrases of Chinese plans ("2022年9月底前", "年底前", "6月底前", "到2025年", "上半年",
 * "一季度", "3月15日前", "二〇二二年六月底前") turned into the last day they allow.
 * One combined regular expression scans the text once; alternatives with a year come first so
 * that "2022年6月底前" is never read as "6月底前" with a guessed year.
 */

export interface DatePhrase {
  /** Offsets in the original text. */
  start: number;
  end: number;
  phrase: string;
  /** ISO date, or null when the phrase has no year and none is known. */
  deadline: string | null;
  year: number | null;
  explicitYear: boolean;
  /** The phrase begins a clause (start, after punctuation, a list marker or 到/力争…): it governs what follows. */
  leading: boolean;
}

const YEAR = String.raw`\d{4}|[〇零一二三四五六七八九]{4}`;
const MONTH = String.raw`1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]`;
const DAY = String.raw`3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]`;
const SPAN = String.raw`上旬|中旬|下旬|底|末`;
const BEFORE = String.raw`以前|之前|前|内`;

const PATTERN = new RegExp(
  [
    String.raw`(?<aY>${YEAR})\s*年\s*(?<aM>${MONTH})\s*月\s*(?<aD>${DAY})\s*[日号](?:${BEFORE})?`,
    String.raw`(?<bY>${YEAR})\s*年\s*(?<bM>${MONTH})\s*月份?(?<bT>${SPAN})?(?:${BEFORE})?`,
    String.raw`(?<cY>${YEAR})\s*年\s*年?(?:底|末)(?:${BEFORE})?`,
    String.raw`(?<dY>${YEAR})\s*年\s*(?<dH>上半年|下半年)(?:${BEFORE})?`,
    String.raw`(?<eY>${YEAR})\s*年\s*第?(?<eQ>[一二三四1-4])季度(?:末|底)?(?:${BEFORE})?`,
    String.raw`(?<fY>${YEAR})\s*年(?<fS>度|内|以前|之前|前|底)?`,
    String.raw`(?<gM>${MONTH})\s*月\s*(?<gD>${DAY})\s*[日号](?:${BEFORE})?`,
    String.raw`(?<hM>${MONTH})\s*月(?<hX>份)?(?<hT>${SPAN})?(?<hS>${BEFORE})?`,
    String.raw`(?<iW>年底|年末|年内)(?:${BEFORE})?`,
    String.raw`(?<jH>上半年|下半年)(?:${BEFORE})?`,
    String.raw`第?(?<kQ>[一二三四])季度(?:末|底)?(?:${BEFORE})?`,
  ].join('|'),
  'gu',
);

/** A list marker glued to a date ("1.2022年9月底前", "1.6月底前") is a marker, not the number 1.2022 or 1.6. */
const MARKER_BEFORE = /(?:^|[；;。，,\s])\s*\d{1,2}\s*[.、]\s*$/u;
/** Words that put a date at the head of a clause even when they precede it. */
const LEAD_WORDS = /(?:到|至|截至|截止|于|在|力争|争取|计划|预计|确保)\s*$/u;
/** What may stand right before a clause: start, punctuation, a list marker. */
const CLAUSE_START =
  /(?:^|[，,；;。：:！？!?]|^\s*(?:\d{1,2}\s*[.、]|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]+、))\s*$/u;

/**
 * Every alternative of PATTERN holds 年, 月 or 季(度), and foldWidth neither makes nor removes
 * them: a text without any has no date phrase. Most list entries have none, and running
 * PATTERN over them anyway was a tenth of the parse's time.
 */
const DATE_CHAR = /[年月季]/;

export function findDatePhrases(text: string, planYear: number | null): DatePhrase[] {
  if (!DATE_CHAR.test(text)) return [];
  const folded = foldWidth(text);
  const out: DatePhrase[] = [];
  let lastYear: number | null = null;
  for (const m of folded.matchAll(PATTERN)) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    const before = folded.slice(Math.max(0, start - 12), start);
    const prevChar = folded[start - 1] ?? '';
    const nextChar = folded[end] ?? '';
    const leadWord = LEAD_WORDS.test(before);
    const leading = leadWord || CLAUSE_START.test(lineBefore(folded, start));
    let year: number | null = null;
    let iso: string | null = null;
    let explicitYear = true;

    const y = g.aY ?? g.bY ?? g.cY ?? g.dY ?? g.eY ?? g.fY;
    if (y !== undefined) {
      // A year glued to digits or a dash is part of a range or a code ("2021-2023年"), not a date.
      if (/[\d\-—–~～.]/u.test(prevChar) && !MARKER_BEFORE.test(lineBefore(folded, start))) continue;
      year = toNumber(y);
      if (year === null || year < 1990 || year > 2100) continue;
      if (g.aY) iso = ymd(year, toNumber(g.aM!), toNumber(g.aD!));
      else if (g.bY) iso = monthSpan(year, toNumber(g.bM!), g.bT);
      else if (g.cY) iso = ymd(year, 12, 31);
      else if (g.dY) iso = g.dH === '上半年' ? ymd(year, 6, 30) : ymd(year, 12, 31);
      else if (g.eY) iso = quarterEnd(year, g.eQ!);
      else {
        // A bare year is a deadline only where it heads a clause ("2021年全县…", "到2025年…",
        // "2025年前"), not where it names something ("完成2022年度企业专利导航项目").
        if (!leading && !g.fS?.match(/前|内|底/)) continue;
        if (/[\d\-—–~～]/u.test(nextChar)) continue;
        iso = ymd(year, 12, 31);
      }
      lastYear = year;
    } else {
      explicitYear = false;
      // Digits right before a year-less month belong to something else ("12个月", "2.5月"),
      // unless they are a list marker glued to the month ("1.6月底前").
      if (/[\d年]/u.test(prevChar)) continue;
      if (prevChar === '.' && !MARKER_BEFORE.test(lineBefore(folded, start))) continue;
      if (prevChar === '每' || prevChar === '个') continue;
      year = lastYear ?? planYear;
      if (g.hM !== undefined && !g.hX && !g.hT && !g.hS) continue; // "9月" alone is too vague
      if (g.kQ !== undefined && /每$/u.test(before)) continue;
      if (year !== null) {
        if (g.gM) iso = ymd(year, toNumber(g.gM), toNumber(g.gD!));
        else if (g.hM) iso = monthSpan(year, toNumber(g.hM), g.hT);
        else if (g.iW) iso = ymd(year, 12, 31);
        else if (g.jH) iso = g.jH === '上半年' ? ymd(year, 6, 30) : ymd(year, 12, 31);
        else if (g.kQ) iso = quarterEnd(year, g.kQ);
      }
    }
    if (iso === 'invalid') continue;
    out.push({ start, end, phrase: text.slice(start, end), deadline: iso, year, explicitYear, leading });
  }
  return out;
}

/**
 * The text between the start of the phrase's line and the phrase. The patterns applied to it
 * only read its end, so a line longer than LINE_WINDOW is cut to its last characters behind a
 * mark (\u0001) that no pattern takes for the start of a line: a line of thousands of dates
 * is then not read again for each of them.
 */
const LINE_WINDOW = 64;
function lineBefore(text: string, index: number): string {
  const from = Math.max(0, index - LINE_WINDOW);
  const window = text.slice(from, index);
  const newline = window.lastIndexOf('\n');
  if (newline >= 0) return window.slice(newline + 1);
  return from === 0 || text[from - 1] === '\n' ? window : `\u0001${window}`;
}

function toNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ymd(y: number, m: number | null, d: number | null): string {
  if (m === null || d === null || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'invalid';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthSpan(y: number, m: number | null, span: string | undefined): string {
  if (m === null || m < 1 || m > 12) return 'invalid';
  if (span === '上旬') return ymd(y, m, 10);
  if (span === '中旬') return ymd(y, m, 20);
  return ymd(y, m, daysInMonth(y, m));
}

function quarterEnd(y: number, q: string): string {
  const n = toNumber(q);
  return n === null || n < 1 || n > 4 ? 'invalid' : ymd(y, n * 3, daysInMonth(y, n * 3));
}
