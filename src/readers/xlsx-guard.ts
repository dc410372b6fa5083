import { zipSync } from 'fflate';
import { InputError } from '../domain/errors.js';
import { MAX_XML_DEPTH, nestsDeeperThan } from './xml.js';
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
 * 16 384 columns; merged ranges larger than any table, addresses outside the sheet, and XML
 * nested deeper than any Office part are refused.
 */

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const WORKBOOK = /^xl\/workbook\.xml$/i;

export function safeWorkbook(zip: ZipArchive, file: string): Uint8Array {
  const corrupt = (detail: string) =>
    new InputError('error.corrupt_document', { format: 'Excel', detail }, { file });
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of zip.readAll()) {
    if (!XML_PART.test(name)) {
      files[name] = data;
      continue;
    }
    files[name] = rewrite(data, (xml) => {
      if (nestsDeeperThan(xml, MAX_XML_DEPTH))
        throw corrupt(`${name}: elements nested deeper than ${MAX_XML_DEPTH}`);
      if (WORKBOOK.test(name)) return removeElement('definedNames')(xml);
      if (!WORKSHEET.test(name)) return xml;
      const bad = badAddress(xml);
      if (bad) throw corrupt(`${name}: ${bad}`);
      return worksheet(xml, file);
    });
  }
  return zipSync(files, { level: 0 });
}

function rewrite(data: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const utf16 =
    data[0] === 0xff && data[1] === 0xfe
      ? 'utf-16le'
      : data[0] === 0xfe && data[1] === 0xff
        ? 'utf-16be'
        : '';
  const xml = new TextDecoder(utf16 || 'utf-8').decode(data);
  const edited = edit(xml);
  if (edited === xml) return data;
  return new TextEncoder().encode(
    utf16 ? edited.replace(/(<\?xml[^>]*encoding=")[^"]*/i, '$1UTF-8') : edited,
  );
}

/**
 * An address exceljs would read its own way. It decodes leniently — the digits of
 * "%1%2%3%4%5%6%7%8%9" make row 123 456 789 — and keeps rows and cells in arrays indexed by
 * number, so an address past Excel's last row (1 048 576) or column (XFD), or one that is no
 * address at all, gives it an array of length 10⁸ to walk: seconds or minutes. Rows, cells and
 * merged ranges must therefore carry addresses Excel itself could have written.
 */
function badAddress(xml: string): string | null {
  for (const m of xml.matchAll(/<(?:\w+:)?(row|c|mergeCell)\b[^>]*?\s(r|ref)\s*=\s*"([^"]*)"/g)) {
    const [, tag, attr, value] = m as unknown as [string, string, string, string];
    if (tag === 'mergeCell' ? attr !== 'ref' : attr !== 'r') continue;
    const ok =
      tag === 'row'
        ? /^\d{1,7}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_ROW
        : value.split(':').length <= (tag === 'c' ? 1 : 2) && value.split(':').every((ref) => cellRef(ref));
    if (!ok) return `${tag} ${JSON.stringify(value.slice(0, 40))} is not an address in the sheet`;
  }
  return null;
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
    // Malformed references were refused by badAddress; only sizes are judged here.
    if (a && b) budget.take((Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1));
  }
}

/** "B7" or "$B$7" within the sheet's bounds, as Excel writes it (upper case). */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col <= MAX_COLUMN ? { row, col } : null;
}
