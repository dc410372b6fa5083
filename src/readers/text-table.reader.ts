import type { RawCell, RawDocument, RawTable } from '../domain/raw-table.js';
import { checkGrid, pushAll, widest } from './table-limits.js';

/**
 * Reads the plain-text export Word makes of a table ("Save as plain text" / copy from a
 * converter): a line starting with TAB begins a cell, other lines continue the cell above,
 * a line starting with spaces and a TAB begins a row whose first cell (the number) is empty,
 * and rows are usually separated by blank lines. No library reads this layout, so it is
 * parsed here by hand.
 *
 * Blank lines are not trusted as row ends: Word writes an empty paragraph inside a cell as a
 * blank line too. A blank line ends a row only once the row has as many cells as the header.
 */

const EXPORT_ARTIFACT = /\[bookmark: [^\]]*\]/g;
const ROW_START_EMPTY_FIRST = /^[ \u3000]+\t/;

export function looksLikeTextTable(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const cellLines = lines.filter((l) => /^[ \u3000]*\t/.test(l)).length;
  return cellLines >= 4;
}

export function readTextTable(text: string, source: string): RawDocument {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(EXPORT_ARTIFACT, '')
    .split(/\r\n|\r|\n/);

  const preamble: string[] = [];
  let i = 0;
  while (i < lines.length && !/^[ \u3000]*\t/.test(lines[i]!)) {
    const l = lines[i]!.trim();
    if (l) preamble.push(l);
    i++;
  }

  interface OpenCell {
    lines: string[];
    line: number;
  }
  const rows: OpenCell[][] = [];
  let row: OpenCell[] = [];
  let cell = null as OpenCell | null;
  let width = 0; // cells in the header row; 0 until the header row is complete
  // Lines without a TAB after a finished row: a paragraph of the row's last cell when more
  // rows follow, text after the table (a note, a signature) when nothing does.
  let pending: string[] = [];

  const closeRow = () => {
    cell = null;
    if (row.length > 0) {
      if (rows.length === 0) width = row.length;
      rows.push(row);
    }
    row = [];
  };
  const adoptPending = () => {
    const last = rows[rows.length - 1];
    const lastCell = last?.[last.length - 1];
    if (pending.length && lastCell) pushAll(lastCell.lines, ['', ...pending]);
    pending = [];
  };
  const openCell = (lineNo: number, first: string) => {
    adoptPending();
    if (width > 0 && row.length >= width) closeRow();
    cell = { lines: [first], line: lineNo };
    row.push(cell);
  };
  const splitTabs = (rest: string, lineNo: number, startsCell: boolean) => {
    rest.split('\t').forEach((part, k) => {
      if (k === 0 && !startsCell) cell!.lines.push(part);
      else openCell(lineNo, part);
    });
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    // A lone TAB is an empty cell, not a blank line.
    if (!line.includes('\t') && line.trim() === '') {
      if (cell === null) continue;
      // The open cell is counted in row.length; a full row ends here, a short one goes on.
      if (width === 0 || row.length >= width) closeRow();
      else cell.lines.push('');
      continue;
    }
    if (ROW_START_EMPTY_FIRST.test(line)) {
      // " \t…": a new row whose number cell is empty.
      adoptPending();
      closeRow();
      row.push({ lines: [''], line: lineNo });
      splitTabs(line.replace(ROW_START_EMPTY_FIRST, ''), lineNo, true);
      continue;
    }
    if (line.startsWith('\t')) {
      splitTabs(line.slice(1), lineNo, true);
      continue;
    }
    if (cell === null) {
      pending.push(line.trim());
      continue;
    }
    splitTabs(line, lineNo, false);
  }
  closeRow();
  const trailing = pending;
  checkGrid(rows.length, widest(rows, width), source);

  const cells: RawCell[][] = rows.map((r, ri) => {
    const out: RawCell[] = r.map((c, ci) => ({
      text: cleanCell(c.lines),
      pos: { row: ri + 1, col: ci + 1, line: c.line },
    }));
    // A row cut short (the file ends, or a cell was lost) is padded so columns line up.
    while (width > 0 && out.length < width) {
      out.push({ text: '', pos: { row: ri + 1, col: out.length + 1 } });
    }
    return out;
  });

  const table: RawTable = { rows: cells, preamble, tableIndex: 1 };
  const tables = cells.length > 0 ? [table] : [];
  const paragraphs = cells.length > 0 ? [...preamble, ...trailing.filter(Boolean)] : preamble;
  return { source, format: 'text', tables, paragraphs };
}

function cleanCell(lines: string[]): string {
  const out = lines.map((l) => l.replace(/[ \t\u3000]+$/u, ''));
  while (out.length && out[out.length - 1] === '') out.pop();
  while (out.length && out[0]!.trim() === '') out.shift();
  return out.join('\n');
}
