import type { FindingDraft } from '../finding.js';
import { foldWidth } from './text-width.js';
import { parseChineseNumeral } from './chinese-numerals.js';

/**
 * Item numbers. The number cell says "1", "1*" (a key item, 重点改革) or is empty — Word's
 * auto-numbering does not survive every export, so empty numbers are inferred from the
 * neighbours: counting on from the last written number. A jump that empty rows cannot
 * explain is reported with the numbers that are missing.
 */

export interface NumberCell {
  text: string;
  /** Rows that open a new section may restart their numbering at 1. */
  sectionStart?: boolean;
}

export interface ItemNumber {
  number: number | null;
  numberText: string;
  inferred: boolean;
  key: boolean;
}

const KEY_MARK = /[*＊★☆※]/u;

export function parseNumberCell(text: string): { number: number | null; key: boolean } {
  const folded = foldWidth(text).trim();
  const key = KEY_MARK.test(folded);
  const bare = folded.replace(/[*★☆※\s.、．]/gu, '');
  const n = /^\d+$/u.test(bare)
    ? Number(bare)
    : /^[一二三四五六七八九十百]+$/u.test(bare)
      ? parseChineseNumeral(bare)
      : null;
  // Twenty digits are no item number (nor exact as a double, and 400 are Infinity): unreadable.
  return { number: n !== null && Number.isSafeInteger(n) ? n : null, key };
}

export function resolveNumbers(cells: NumberCell[]): { numbers: ItemNumber[]; findings: FindingDraft[] } {
  const parsed = cells.map((c) => ({
    ...parseNumberCell(c.text),
    text: c.text.trim(),
    sectionStart: c.sectionStart,
  }));
  const findings: FindingDraft[] = [];
  const numbers: ItemNumber[] = [];
  let last: number | null = null;
  const seen = new Set<number>();

  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    if (p.sectionStart) last = null;
    if (p.number !== null) {
      if (last !== null && p.number > last + 1) {
        const missing = range(last + 1, p.number - 1);
        findings.push({
          code: 'SEQUENCE_GAP',
          severity: 'warning',
          item: p.number,
          field: 'number',
          excerpt: p.text,
          params: { from: last, to: p.number, missing },
        });
      } else if (last !== null && p.number <= last && !p.sectionStart) {
        findings.push({
          code: 'SEQUENCE_GAP',
          severity: 'warning',
          item: p.number,
          field: 'number',
          excerpt: p.text,
          variant: seen.has(p.number) ? 'duplicate' : 'backwards',
          params: { from: last, to: p.number, number: p.number },
        });
      }
      numbers.push({ number: p.number, numberText: p.text, inferred: false, key: p.key });
      seen.add(p.number);
      last = p.number;
      continue;
    }
    // Empty (or unreadable) number: count on from the previous one, or back from the next
    // written number when the table starts with empty cells.
    let n: number | null = last !== null ? last + 1 : null;
    if (n === null) {
      const nextIdx = parsed.findIndex((q, j) => j > i && q.number !== null);
      if (nextIdx !== -1) n = Math.max(1, parsed[nextIdx]!.number! - (nextIdx - i));
      else n = i + 1;
    }
    numbers.push({ number: n, numberText: p.text, inferred: true, key: p.key });
    findings.push({
      code: 'MISSING_NUMBER',
      severity: 'warning',
      item: n,
      field: 'number',
      ...(p.text ? { excerpt: p.text } : {}),
      params: { number: n },
    });
    seen.add(n);
    last = n;
  }
  return { numbers, findings };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to && out.length < 50; k++) out.push(k);
  return out;
}
