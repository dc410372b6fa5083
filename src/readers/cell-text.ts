import type { RawCell } from '../domain/raw-table.js';

/**
 * One normal form for cell text across formats, the same the text-table reader applies:
 * CR/CRLF become "\n", trailing blanks on each line and blank lines at either end go (Word
 * and Excel leave them behind invisibly); blank lines and indentation inside are kept.
 */
export function cleanCellText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/u, ''));
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  return lines.join('\n');
}

/**
 * Makes a grid of cells rectangular the way spreadsheets need it: rows with no text are
 * dropped (spacer rows carry nothing), columns with no text at either edge are dropped
 * (a sheet often starts at B, and trailing formatted cells are invisible), and short rows are
 * padded. pos.row/col are then renumbered to the table; `ref` and `line` keep the source.
 */
export function squareUp(rows: RawCell[][]): RawCell[][] {
  const kept = rows.filter((r) => r.some((c) => c.text !== ''));
  let first = Infinity;
  let last = -1;
  for (const r of kept) {
    r.forEach((c, i) => {
      if (c.text === '') return;
      first = Math.min(first, i);
      last = Math.max(last, i);
    });
  }
  return kept.map((r, ri) => {
    const out: RawCell[] = [];
    for (let i = first; i <= last; i++) {
      const c = r[i] ?? { text: '', pos: { row: 0, col: 0 } };
      out.push({ ...c, pos: { ...c.pos, row: ri + 1, col: i - first + 1 } });
    }
    return out;
  });
}

/**
 * The apostrophe this program's exports put before text a spreadsheet would take for a formula
 * (src/writers/spreadsheet-safe.ts) is not part of the text: importing an exported ledger gives
 * back "=…" as it was written. A spreadsheet's own quote prefix never reaches the value.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r]/u.test(text) ? text.slice(1) : text;
}
