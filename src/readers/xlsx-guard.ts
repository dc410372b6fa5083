import { zipSync } from 'fflate';
import { MAX_TABLE_CELLS, CellBudget } from './table-limits.js';
import type { ZipArchive } from './zip-guard.js';

/**
 * What exceljs is given. exceljs unpacks a workbook on its own and, while loading, expands
 * some ranges one cell at a time: a merged range becomes a Cell object per position, a data
 * validation's `sqref` and a defined name's range a map entry per address, a `<col>` an
 * object per column from min to max. One attribute ("A1:XFD1048576", max="1000000000")
 * then asks for billions of objects: the process hangs and runs out of memory.
 *
 * So the workbook is rebuilt here from the entries the zip guard has inflated (within its
 * budget — exceljs never unpacks anything the guard did not count), with what the importer
 * never reads taken out (data validations, defined names), `<col>` spans clamped to Excel's
 * 16 384 columns, and merged ranges larger than any table refused.
 */

const MAX_COLUMN = 16_384;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const WORKBOOK = /^xl\/workbook\.xml$/i;

export function safeWorkbook(zip: ZipArchive, file: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of zip.readAll()) {
    if (WORKSHEET.test(name)) files[name] = rewrite(data, (xml) => worksheet(xml, file));
    else if (WORKBOOK.test(name)) files[name] = rewrite(data, removeElement('definedNames'));
    else files[name] = data;
  }
  return zipSync(files, { level: 0 });
}

function rewrite(data: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const utf16 =
    data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : '';
  const xml = new TextDecoder(utf16 || 'utf-8').decode(data);
  const edited = edit(xml);
  if (edited === xml) return data;
  return new TextEncoder().encode(utf16 ? edited.replace(/(<\?xml[^>]*encoding=")[^"]*/i, '$1UTF-8') : edited);
}

function worksheet(xml: string, file: string): string {
  checkMerges(xml, file);
  return removeElement('dataValidations')(xml).replace(/<(?:\w+:)?col\b[^>]*>/g, (col) =>
    col.replace(/(\s(?:min|max)\s*=\s*")(\d+)(")/g, (_m, head: string, n: string, tail: string) => {
      return head + String(Math.min(Math.max(Number(n), 1), MAX_COLUMN)) + tail;
    }),
  );
}

/** Removes every `<x:name …>…</x:name>` (or self-closing one), whatever its prefix. */
function removeElement(name: string): (xml: string) => string {
  const element = new RegExp(`<(\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1?${name}\\s*>)`, 'g');
  return (xml) => xml.replace(element, '');
}

/** Refuses merged ranges whose cells add up to more than a table may hold. */
function checkMerges(xml: string, file: string): void {
  const budget = new CellBudget(file, MAX_TABLE_CELLS);
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]*)"/g)) {
    const [from = '', to = from] = m[1]!.split(':');
    const a = cellRef(from);
    const b = cellRef(to);
    // References exceljs cannot read are its to refuse; only sizes are judged here.
    if (a && b) budget.take((Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1));
  }
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
