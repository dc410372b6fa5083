/**
 * Chinese numerals as they occur in plans: 一…九, 两, 十, 百, 千, 万, 亿, 〇/零, and mixed forms
 * with Arabic digits (4千, 1.2万). Hand-written because the libraries that exist convert whole
 * strings to numbers and do not report how much of the text they consumed, which the target
 * extractor needs.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/** Parse a run of Chinese numeral characters ("十二" → 12, "二〇二二" → 2022, "一千二百" → 1200). */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  // Digit-by-digit years: 二〇二二
  if ([...s].every((c) => c in DIGITS) && s.length > 1) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else if (c in BIG_UNITS) {
      section += digit ?? 0;
      total += (section || 1) * BIG_UNITS[c]!;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Multiply a decimal string by 10^k without binary floating-point noise
 * ("1.2" × 10^8 → 120000000, not 120000000.00000001).
 */
export function scaleDecimal(numText: string, power: number): number {
  const [intPart, frac = ''] = numText.split('.');
  if (power <= 0) return Number(numText) / 10 ** -power;
  const digits = (intPart ?? '') + frac.padEnd(power, '0');
  const point = (intPart ?? '').length + power;
  const joined = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(joined);
}
