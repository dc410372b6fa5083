import { InputError } from '../domain/errors.js';
import { parseCsvRecords } from './csv.reader.js';
import { looksLikeTextTable } from './text-table.reader.js';
import type { ZipArchive } from './zip-guard.js';

/**
 * Tells formats apart by their content. The file name is only a hint: people rename files,
 * mail systems append ".txt", and a ".xls" exported by a web system is often HTML or CSV.
 */

export type ByteKind = 'zip' | 'text';
export type TextKind = 'text-table' | 'csv' | 'paragraphs';
export type ZipKind = 'docx' | 'xlsx';

const SAMPLE = 64 * 1024;

/** What the raw bytes are; throws for what can never be read. */
export function sniffBytes(bytes: Uint8Array, file: string): ByteKind {
  const fail = (key: string) => new InputError(key, {}, { file });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // A password-protected .docx/.xlsx is an OLE2 file too, holding an "EncryptedPackage".
    throw fail(hasUtf16(bytes, 'EncryptedPackage') ? 'error.encrypted_office' : 'error.legacy_office');
  }
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  // Formats Word and browsers save that are text-like but are not tables we can read.
  if (/^\s*(\{\\rtf|%PDF-|<\?xml|<html|<!doctype html)/i.test(head)) throw fail('error.unknown_format');
  if (isUtf16(bytes)) return 'text';
  if (looksBinary(bytes.subarray(0, SAMPLE))) throw fail('error.binary_garbage');
  return 'text';
}

/**
 * Which reader a decoded text goes to. Word's text export puts one cell per line after a
 * TAB; a TSV whose first column is empty also starts lines with TAB, but carries several
 * TABs per line. Only that ambiguous middle is settled by the name.
 */
export function classifyText(text: string, nameHint: string): TextKind {
  const csvByName = /\.(csv|tsv)$/i.test(nameHint);
  const textTable = looksLikeTextTable(text);
  if (textTable && oneCellPerLine(text)) return 'text-table';
  if (csvByName && looksLikeCsv(text, true)) return 'csv';
  if (textTable) return 'text-table';
  if (csvByName || looksLikeCsv(text, false)) return 'csv';
  return 'paragraphs';
}

function oneCellPerLine(text: string): boolean {
  const cellLines = text.split(/\r\n|\r|\n/).filter((l) => /^[ \u3000]*\t/.test(l));
  const single = cellLines.filter((l) => l.indexOf('\t') === l.lastIndexOf('\t')).length;
  return single >= cellLines.length * 0.8;
}

export function classifyZip(zip: ZipArchive, file: string): ZipKind {
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  throw new InputError('error.not_office', {}, { file });
}

/**
 * At least two records whose column count (≥ 2) is the same for nearly all of them: what
 * any spreadsheet's CSV export looks like, and what prose with a few commas does not. A file
 * named .csv needs less: its records only have to agree among themselves mostly.
 */
function looksLikeCsv(text: string, named: boolean): boolean {
  let records;
  try {
    records = parseCsvRecords(text);
  } catch {
    return false;
  }
  if (records.length < 2) return false;
  const byWidth = new Map<number, number>();
  for (const r of records) byWidth.set(r.cells.length, (byWidth.get(r.cells.length) ?? 0) + 1);
  const [width, count] = [...byWidth].sort((a, b) => b[1] - a[1])[0]!;
  return width >= 2 && count / records.length >= (named ? 0.5 : 0.8);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/**
 * NUL never occurs in 8-bit text; other C0 controls only rarely. Tolerated: TAB, LF, CR,
 * form feed, Ctrl-Z (old DOS end of file), and the BEL and VT Word leaves in copied tables
 * (cell end marks, manual line breaks).
 */
const TEXT_CONTROLS = new Set([0x07, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);

function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  // An index, not for…of: the iterator over 64 KB was most of a text plan's format detection.
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) controls++;
  }
  return controls / Math.max(1, sample.length) > 0.02;
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
