import { ValidationError } from '../errors.js';
import { scaleDecimal } from '../extract/chinese-numerals.js';
import { foldWidth } from '../extract/text-width.js';

/**
 * An actual value reported in one unit, converted to the unit of the target it is measured
 * against. Targets hold base units (15亿元 → 1500000000 元, see Target.unit), so a reporter may
 * write 万元 or 亿元 against a 元 target. Units of one family convert by a power of ten, decimal-
 * safe ("1.5" 亿元 → 150000000 元, no binary noise); any other unit (个, 家, 户, 人次 …) converts
 * only to itself, and a pair that does not convert is a validation error (`error.unit_mismatch`).
 */

interface Scale {
  base: string;
  power: number;
}

const SCALES: Record<string, Scale> = {
  元: { base: '元', power: 0 },
  千元: { base: '元', power: 3 },
  万元: { base: '元', power: 4 },
  百万元: { base: '元', power: 6 },
  亿元: { base: '元', power: 8 },
  人: { base: '人', power: 0 },
  万人: { base: '人', power: 4 },
  人次: { base: '人次', power: 0 },
  万人次: { base: '人次', power: 4 },
  亩: { base: '亩', power: 0 },
  万亩: { base: '亩', power: 4 },
  平方米: { base: '平方米', power: 0 },
  万平方米: { base: '平方米', power: 4 },
  '%': { base: '%', power: 0 },
};

/** Spellings of a unit folded to the one above ("㎡" → 平方米, "％" → %). */
const SPELLINGS: Record<string, string> = { '㎡': '平方米', m2: '平方米', 'm²': '平方米', 百分比: '%' };

/**
 * Units are a small vocabulary read once per reported target on every status computation:
 * folded once per spelling (bounded, in case something feeds it free text).
 */
const canonical = new Map<string, string>();
const MAX_CANONICAL = 512;

export function canonicalUnit(unit: string): string {
  const hit = canonical.get(unit);
  if (hit !== undefined) return hit;
  const u = foldWidth(unit.normalize('NFKC')).trim();
  const out = SPELLINGS[u] ?? u;
  if (canonical.size >= MAX_CANONICAL) canonical.clear();
  canonical.set(unit, out);
  return out;
}

/** Whether a value in `from` can be stated in `to`. */
export function convertible(from: string, to: string): boolean {
  const a = canonicalUnit(from);
  const b = canonicalUnit(to);
  if (a === b) return true;
  const sa = SCALES[a];
  const sb = SCALES[b];
  return sa !== undefined && sb !== undefined && sa.base === sb.base;
}

/**
 * The units a value may be given in against a target in `unit`, smallest first (元 → 元, 千元,
 * 万元, 百万元, 亿元); a unit of no family converts only to itself. The report form offers these.
 */
export function convertibleUnits(unit: string): string[] {
  const u = canonicalUnit(unit);
  const scale = SCALES[u];
  if (!scale) return u ? [u] : [];
  return Object.entries(SCALES)
    .filter(([, s]) => s.base === scale.base)
    .sort(([, a], [, b]) => a.power - b.power)
    .map(([name]) => name);
}

/**
 * `value` (a number, or its decimal text as typed: "1.5") in `from`, stated in `to`.
 * Throws ValidationError `error.unit_mismatch` naming `field` when the units do not convert, and
 * `error.invalid_number` when the value is not a finite number.
 */
export function convertValue(value: number | string, from: string, to: string, field = 'unit'): number {
  const text = typeof value === 'number' ? String(value) : foldWidth(value).trim().replace(/,/g, '');
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) {
    throw new ValidationError('error.invalid_number', { value: String(value) }, { field });
  }
  if (!convertible(from, to)) {
    throw new ValidationError(
      'error.unit_mismatch',
      { unit: canonicalUnit(from) || '—', expected: canonicalUnit(to) || '—' },
      { field },
    );
  }
  const a = canonicalUnit(from);
  const b = canonicalUnit(to);
  if (a === b) return n;
  const power = SCALES[a]!.power - SCALES[b]!.power;
  if (power === 0) return n;
  // scaleDecimal works on plain decimal text; exponent notation (1e-7) goes through Number.
  if (!/^-?\d+(\.\d+)?$/.test(text)) return n * 10 ** power;
  if (power > 0) return scaleDecimal(text, power);
  return shiftLeft(text, -power);
}

/** Divide decimal text by 10^k by moving the point, so 150000000 元 → 1.5 亿元 exactly. */
function shiftLeft(text: string, k: number): number {
  const negative = text.startsWith('-');
  const [intPart = '', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const padded = intPart.padStart(k + 1, '0');
  const joined = `${padded.slice(0, padded.length - k)}.${padded.slice(padded.length - k)}${frac}`;
  return Number(negative ? `-${joined}` : joined);
}
