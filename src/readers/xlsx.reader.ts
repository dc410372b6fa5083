import ExcelJS from 'exceljs';
import { InputError } from '../domain/errors.js';
import type { RawCell, RawDocument } from '../domain/raw-table.js';
import { cleanCellText, squareUp, withoutFormulaGuard } from './cell-text.js';
import { checkGrid } from './table-limits.js';
import { cellValueText } from './xlsx-value.js';

/**
 * Reads one worksheet of an .xlsx into a RawTable. The bytes must come from the guards
 * (zip-guard, xlsx-guard): exceljs unpacks the archive itself, with no limits of its own.
 *
 * Every row is kept as it is (a merged title above the header is just the first row);
 * finding the header is the domain's job. A merged range shows its master's text in every
 * cell it covers, the covered ones marked `merged: true`, as the docx reader does.
 */

export interface XlsxOptions {
  /** Sheet name; the first visible sheet when absent. */
  sheet?: string;
}

export async function readXlsx(
  bytes: Uint8Array,
  source: string,
  opts: XlsxOptions = {},
): Promise<RawDocument> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own `Buffer extends ArrayBuffer`; a copied ArrayBuffer satisfies both
  // the typing and JSZip underneath.
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = pickSheet(workbook, opts.sheet, source);
  const percentFormats = (numFmt: string | undefined) => !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''));

  // Only stored cells are visited (a stray value at XFD1 must not make every row visit
  // 16 384 columns); the empty cells between them are filled in below, within the columns
  // that hold any text, once the size of that grid has been checked.
  const stored: { row: number; cells: Map<number, RawCell> }[] = [];
  let first = Infinity;
  let last = -Infinity;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, RawCell>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const master = cell.isMerged ? cell.master : cell;
      const text = cleanCellText(
        withoutFormulaGuard(cellValueText(master.value, percentFormats(master.numFmt))),
      );
      if (text === '') return;
      const raw: RawCell = { text, pos: { row: rowNumber, col: colNumber, ref: cell.address } };
      if (master !== cell) raw.merged = true;
      cells.set(colNumber, raw);
      first = Math.min(first, colNumber);
      last = Math.max(last, colNumber);
    });
    if (cells.size) stored.push({ row: rowNumber, cells });
  });
  checkGrid(stored.length, stored.length ? last - first + 1 : 0, source);
  const rows = stored.map(({ row, cells }) => {
    const out: RawCell[] = [];
    for (let col = first; col <= last; col++) {
      out.push(cells.get(col) ?? { text: '', pos: { row, col, ref: address(row, col) } });
    }
    return out;
  });

  const table = { rows: squareUp(rows), preamble: [], tableIndex: 1, sheet: sheet.name };
  return { source, format: 'xlsx', tables: table.rows.length ? [table] : [], paragraphs: [] };
}

function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined, file: string): ExcelJS.Worksheet {
  // Already in tab order, without the holes deleted sheets leave in exceljs's own list.
  const sheets = workbook.worksheets;
  if (wanted !== undefined) {
    const found =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim() === wanted.trim());
    if (found) return found;
    const names = sheets.map((s) => s.name).join(', ');
    throw new InputError('error.sheet_not_found', { sheet: wanted, sheets: names }, { file, sheet: wanted });
  }
  const first = sheets.find((s) => s.state === 'visible' || s.state === undefined) ?? sheets[0];
  if (!first) throw new InputError('error.no_table', {}, { file });
  return first;
}

function address(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}
