/**
 * What every reader produces: the document's tables as rows of cells, with where each cell
 * came from, before any meaning is given to the columns. Readers know formats; the domain
 * knows reform libraries. This type is the seam between them.
 */

export type DocumentFormat = 'text' | 'docx' | 'xlsx' | 'csv';

/** Where a cell came from, so that every finding and error can point at the original. */
export interface SourcePos {
  /** 1-based row within its table (the header row included). */
  row: number;
  /** 1-based column within its row, after merged cells are expanded. */
  col: number;
  /** 1-based line of the source file where the cell starts (text and csv). */
  line?: number;
  /** 1-based paragraph index in the document body (docx). */
  paragraph?: number;
  /** Spreadsheet address such as "C7" (xlsx). */
  ref?: string;
}

export interface RawCell {
  /** Paragraphs joined with "\n"; auto-numbered paragraphs carry their rendered number ("1.") in front. */
  text: string;
  pos: SourcePos;
  /** True when some of the text (a list number) was generated from Word's numbering, not typed. */
  autoNumbered?: boolean;
  /** True when this cell repeats the content of a merged (spanned) master cell. */
  merged?: boolean;
}

export interface RawTable {
  /** Rows in document order; the header row is somewhere near the top, found by the domain. */
  rows: RawCell[][];
  /** Paragraphs between the previous table (or the start) and this one: titles, "附件5". */
  preamble: string[];
  /** 1-based index of the table in its document (docx) or the sheet name (xlsx). */
  tableIndex: number;
  sheet?: string;
}

export interface RawDocument {
  /** The name the user gave (file name), used in messages. */
  source: string;
  format: DocumentFormat;
  tables: RawTable[];
  /** Body paragraphs outside tables in document order (docx, text), for paragraph-shaped plans. */
  paragraphs: string[];
}
