/**
 * Formula injection (CSV/spreadsheet injection): the text we export comes from outside — an
 * uploaded plan, a unit's own wording — and a cell such as `=HYPERLINK("http://…","点此")`,
 * `@SUM(A1)`, `+1+1` or `-2+3` must never become a formula in the reader's Excel or WPS.
 *
 * Why a literal apostrophe in the value, and not ExcelJS's string type or a quotePrefix style:
 * - A string cell (`t="s"`) is not evaluated when the file opens, but it is as soon as someone
 *   edits it (F2, Enter), and the protection is lost on "save as CSV" and on copy-paste into
 *   another sheet; a CSV has no cell types at all.
 * - `quotePrefix` is a style: it does not survive CSV, pasting, or readers that ignore styles,
 *   and ExcelJS does not write it.
 * - A leading `'` is part of the text, so every later step still starts with `'`: Excel and WPS
 *   treat a typed `'=…` as text, CSV importers see no formula sign, and the original follows the
 *   apostrophe unchanged (OWASP's recommendation for CSV injection). The price is an apostrophe
 *   that shows in the cell, which is acceptable in an export meant for checking.
 *
 * TAB and CR are included because some importers strip leading whitespace before deciding that
 * a cell is a formula. Use it for every text cell of every .xlsx and .csv this program writes.
 */
import { xmlText } from './xml-text.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet could take for a formula gets a leading apostrophe. Characters
 * XML cannot hold go first (src/writers/xml-text.ts): "\u0001=cmd" is a formula once they are gone.
 */
export function spreadsheetSafe(text: string): string {
  const clean = xmlText(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
