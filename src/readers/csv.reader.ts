import { parse } from 'csv-parse/sync';
import { InputError } from '../domain/errors.js';
import type { RawCell, RawDocument } from '../domain/raw-table.js';
import { cleanCellText, squareUp, withoutFormulaGuard } from './cell-text.js';
import { checkGrid, widest } from './table-limits.js';

/**
 * Reads CSV (already decoded to text) into one RawTable. Excel on a Chinese or European
 * Windows may write ";" or TAB instead of ","; the delimiter is switched only when the other
 * character clearly dominates the first lines, since a stray ";" in Chinese text is common.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

const SAMPLE_LINES = 10;

export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split('\n', SAMPLE_LINES * 4)
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES);
  if (lines.length === 0) return ',';
  const counts = (d: string) => lines.map((l) => countOutsideQuotes(l, d));
  const total = (c: number[]) => c.reduce((a, b) => a + b, 0);
  const comma = total(counts(','));
  for (const d of ['\t', ';'] as const) {
    const c = counts(d);
    const linesWith = c.filter((n) => n > 0).length;
    if (linesWith >= Math.ceil(lines.length * 0.8) && total(c) > comma * 2) return d;
  }
  return ',';
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Parses CSV text into records with their starting lines; throws csv-parse's error as is. */
export function parseCsvRecords(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvRecord[] {
  // One line ending for all: quoted cells keep their breaks as "\n", and line numbers count
  // the same whether the file came from Windows or not.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records = parse(normalized, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  return records.map(({ record, raw, info }) => {
    // info.lines is the line the record ends on; its raw text (less the blank lines skipped
    // before it and its own line end) tells how many lines it spans.
    const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
    const spanned = body.split('\n').length - 1;
    return { cells: record, line: info.lines - spanned };
  });
}

export function readCsv(text: string, source: string): RawDocument {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    const place = line === undefined ? { file: source } : { file: source, line };
    throw new InputError('error.csv_parse', { detail: (e as Error).message }, place);
  }
  const width = widest(records.map((r) => r.cells));
  checkGrid(records.length, width, source);
  const rows: RawCell[][] = records.map((r, ri) =>
    r.cells.map((text, ci) => ({
      text: cleanCellText(withoutFormulaGuard(text)),
      pos: { row: ri + 1, col: ci + 1, line: r.line },
    })),
  );
  for (const r of rows) {
    const line = r[0]?.pos.line;
    while (r.length < width) r.push({ text: '', pos: { row: 0, col: r.length + 1, line } });
  }
  const squared = squareUp(rows);
  return {
    source,
    format: 'csv',
    tables: squared.length ? [{ rows: squared, preamble: [], tableIndex: 1 }] : [],
    paragraphs: [],
  };
}
