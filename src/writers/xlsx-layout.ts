/**
 * Column widths for text a spreadsheet shows: Excel measures a column in characters of its
 * default font, and gives a CJK or full-width character about two of them.
 */

/** Hangul, CJK, full-width forms: characters a spreadsheet gives two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) || ch.codePointAt(0)! > 0xffff ? 2 : 1;
  return w;
}

/**
 * Widest line of the values plus room for the filter button, between `min` and `max`: past
 * `max` the text wraps instead of running on.
 */
export function fitWidth(values: readonly (string | number | null)[], min = 8, max = 60): number {
  let widest = 0;
  for (const v of values) {
    for (const line of String(v ?? '').split('\n')) widest = Math.max(widest, displayWidth(line));
  }
  return Math.min(max, Math.max(min, widest + 4));
}
