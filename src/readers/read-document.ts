import { AppError, InputError } from '../domain/errors.js';
import type { RawDocument } from '../domain/raw-table.js';
import { readCsv } from './csv.reader.js';
import { classifyText, classifyZip, sniffBytes } from './detect-format.js';
import { readDocx } from './docx.reader.js';
import { formatBytes } from './human-size.js';
import { decodeText } from './text-decode.js';
import { readTextTable } from './text-table.reader.js';
import { safeWorkbook } from './xlsx-guard.js';
import { readXlsx } from './xlsx.reader.js';
import { openZip, type ZipArchive } from './zip-guard.js';
import { storableText } from '../shared/text/storable-text.js';

/**
 * The one entry point for documents: bytes and the name the user gave → RawDocument, or an
 * InputError naming what is wrong (never a library's stack trace). The format comes from
 * the content; the name only breaks ties and names the file in messages.
 */

export interface ReadOptions {
  /** Refuse files larger than this (default 50 MiB). */
  maxBytes?: number;
  /** Refuse archives that unpack to more than this, declared or actual (default 200 MiB). */
  maxUncompressedBytes?: number;
  /** Refuse archives with more entries than this (default 2000; a .docx has about 20). */
  maxEntries?: number;
  /** Worksheet to read from an .xlsx (default: the first visible one). */
  sheet?: string;
}

const MiB = 1024 * 1024;
export const READ_DEFAULTS = {
  maxBytes: 50 * MiB,
  maxUncompressedBytes: 200 * MiB,
  maxEntries: 2000,
} as const;

export async function readDocument(
  bytes: Uint8Array,
  name: string,
  opts: ReadOptions = {},
): Promise<RawDocument> {
  return storableDocument(await readAnyDocument(bytes, name, opts));
}

/**
 * A NUL can come out of a UTF-16 text, an Excel `_x0000_` or a Word `&#0;`: PostgreSQL cannot
 * store it (SQLite can), so no reader's output holds one (src/shared/text/storable-text.ts).
 */
function storableDocument(doc: RawDocument): RawDocument {
  for (const table of doc.tables) {
    table.preamble = table.preamble.map(storableText);
    for (const row of table.rows) for (const cell of row) cell.text = storableText(cell.text);
  }
  doc.paragraphs = doc.paragraphs.map(storableText);
  return doc;
}

async function readAnyDocument(bytes: Uint8Array, name: string, opts: ReadOptions): Promise<RawDocument> {
  const file = name;
  if (bytes.length === 0) throw new InputError('error.empty_file', {}, { file });
  const maxBytes = opts.maxBytes ?? READ_DEFAULTS.maxBytes;
  if (bytes.length > maxBytes) {
    throw new InputError(
      'error.too_large',
      { size: formatBytes(bytes.length), limit: formatBytes(maxBytes) },
      { file },
    );
  }
  if (sniffBytes(bytes, file) === 'zip') return readZipped(bytes, file, opts);

  const { text } = decodeText(bytes, file);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError('error.empty_file', {}, { file });
  switch (classifyText(text, name)) {
    case 'text-table':
      return readTextTable(text, file);
    case 'csv':
      return readCsv(text, file);
    case 'paragraphs': {
      const paragraphs = text
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(/^\uFEFF/, '').trim())
        .filter(Boolean);
      return { source: file, format: 'text', tables: [], paragraphs };
    }
  }
}

async function readZipped(bytes: Uint8Array, file: string, opts: ReadOptions): Promise<RawDocument> {
  const hint = /\.xls[xm]?$/i.test(file) ? 'Excel' : /\.doc[xm]?$/i.test(file) ? 'Word' : 'Office';
  const zip = openZip(
    bytes,
    file,
    {
      maxUncompressedBytes: opts.maxUncompressedBytes ?? READ_DEFAULTS.maxUncompressedBytes,
      maxEntries: opts.maxEntries ?? READ_DEFAULTS.maxEntries,
    },
    hint,
  );
  const kind = classifyZip(zip, file);
  return kind === 'docx' ? readDocxArchive(zip, file) : readXlsxArchive(zip, file, opts.sheet);
}

function readDocxArchive(zip: ZipArchive, file: string): RawDocument {
  const document = zip.readText('word/document.xml')!;
  const numbering = zip.readText('word/numbering.xml');
  const styles = zip.readText('word/styles.xml');
  try {
    return readDocx({ document, numbering, styles }, file);
  } catch (e) {
    throw corruptDocument(e, 'Word', file);
  }
}

async function readXlsxArchive(zip: ZipArchive, file: string, sheet?: string) {
  // exceljs unpacks on its own and expands some ranges cell by cell: it is given only entries
  // the zip guard has inflated, with those ranges defused (xlsx-guard).
  const workbook = safeWorkbook(zip, file);
  try {
    return await readXlsx(workbook, file, { sheet });
  } catch (e) {
    throw corruptDocument(e, 'Excel', file);
  }
}

function corruptDocument(e: unknown, format: string, file: string): AppError {
  if (e instanceof AppError) return e;
  const detail = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 200) : String(e);
  return new InputError('error.corrupt_document', { format, detail }, { file });
}
