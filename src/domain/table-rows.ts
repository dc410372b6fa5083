import type { PlanField } from './plan.js';
import type { RawCell, RawDocument, RawTable } from './raw-table.js';
import { findHeader, headersSeen, type ColumnMap } from './columns.js';
import { InputError } from './errors.js';

/**
 * From a document's tables to plan rows: which tables hold the plan (a table with a header,
 * or one continuing it across a page break with the same columns), the title above the
 * table, and each data row's text by field. Rows that only name a section (一、…) set the
 * section of the rows after them.
 */

export interface PlanRow {
  number: string;
  title: string;
  measures: string;
  goals: string;
  achievements: string;
  /** Unit cells with the role their column implies. */
  units: { text: string; role: 'lead' | 'co' | 'mixed'; label?: string }[];
  extra: Record<string, string>;
  section?: string;
  sectionStart: boolean;
  table: number;
  row: number;
  line?: number;
}

export interface PlanTable {
  title: string;
  rows: PlanRow[];
  columns: { header: string; field: PlanField | 'extra' }[];
  hasNumberColumn: boolean;
  /** The year a line above the table states on its own ("（2023年）", "2023年度"). */
  statedYear?: number;
}

const ATTACHMENT = /^附件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*/u;
const TITLE_WORDS = /库|方案|清单|计划|任务|一本账|台账|表|分工|要点|项目/u;
/** A subtitle that only names the year, as 台账 put it under their title. */
const YEAR_LINE = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/u;

export function planRows(doc: RawDocument): PlanTable {
  if (doc.tables.length === 0) throw new InputError('error.no_table', {}, { file: doc.source });
  let map: ColumnMap | null = null;
  let width = 0;
  let first: { table: RawTable; map: ColumnMap } | null = null;
  const rows: PlanRow[] = [];
  let section: string | undefined;
  let pendingSection = false;

  for (const table of doc.tables) {
    const found = findHeader(table.rows);
    let startRow: number;
    if (found) {
      map = found;
      width = table.rows[found.headerRow]!.length;
      startRow = found.headerRow + 1;
      first ??= { table, map: found };
    } else if (map && table.rows[0]?.length === width) {
      startRow = 0; // the same table continued on the next page without its header
    } else {
      continue;
    }
    const headerTexts = map.columns.map((c) => c.header);
    for (let r = startRow; r < table.rows.length; r++) {
      const cells = table.rows[r]!;
      const texts = cells.map((c) => c.text.trim());
      if (texts.every((t) => t === '')) continue;
      const squashed = texts.map((t) => t.replace(/\s+/gu, ''));
      if (squashed.filter((t, i) => t !== '' && t === headerTexts[i]).length >= 2) continue; // repeated header
      const distinct = new Set(texts.filter(Boolean));
      if (distinct.size === 1 && texts.length >= 3 && isSectionRow(texts, map)) {
        section = [...distinct][0]!;
        pendingSection = true;
        continue;
      }
      const pos = cells[0]?.pos;
      const where = { table: table.tableIndex, row: pos?.row ?? r + 1, line: pos?.line };
      // A cell spanning several columns is read once, in its first column.
      const own = texts.map((t, i) => (cells[i]?.merged && i > 0 && texts[i - 1] === t ? '' : t));
      const row = toRow(own, map, where, section, pendingSection);
      const previous = rows[rows.length - 1];
      if (previous && continuesItem(cells, texts, row, previous, map)) {
        appendRow(previous, row);
        continue;
      }
      rows.push(row);
      pendingSection = false;
    }
  }
  if (!first || !map) {
    throw new InputError(
      'error.no_header',
      { seen: headersSeen(doc.tables[0]!.rows).join('、') || '—' },
      { file: doc.source },
    );
  }
  if (rows.length === 0)
    throw new InputError('error.no_rows', {}, { file: doc.source, table: first.table.tableIndex });
  const aboveHeader = first.table.rows.slice(0, first.map.headerRow).map((r) => r[0]?.text.trim() ?? '');
  const above = [...first.table.preamble, ...aboveHeader];
  const yearLine = above.map((l) => YEAR_LINE.exec(l.trim())).find(Boolean);
  return {
    title: pickTitle(above.filter((l) => !YEAR_LINE.test(l.trim()))),
    ...(yearLine ? { statedYear: Number(yearLine[1]) } : {}),
    rows,
    columns: first.map.columns.flatMap((c) =>
      c.role.field === 'progress' ? [] : [{ header: c.header, field: c.role.field }],
    ),
    hasNumberColumn: first.map.columns.some((c) => c.role.field === 'number'),
  };
}

/**
 * One item written over several table rows: its number and title cells merged down (Word
 * vMerge, Excel merge) or left empty under it, with more measures, goals or units beside them.
 */
function continuesItem(
  cells: RawCell[],
  texts: string[],
  row: PlanRow,
  previous: PlanRow,
  map: ColumnMap,
): boolean {
  const col = (field: string) => map.columns.find((c) => c.role.field === field)?.index;
  const numberCol = col('number');
  const titleCol = col('title');
  if (titleCol === undefined) return false;
  const sameAsAbove = (i: number | undefined) =>
    i === undefined ||
    (cells[i]?.merged === true && texts[i] === (i === titleCol ? previous.title : previous.number));
  const blank = (i: number | undefined) => i === undefined || texts[i] === '';
  const rest = row.measures || row.goals || row.achievements || row.units.length > 0;
  if (!rest) return false;
  return (sameAsAbove(titleCol) && sameAsAbove(numberCol)) || (blank(titleCol) && blank(numberCol));
}

function appendRow(into: PlanRow, more: PlanRow): void {
  const add = (a: string, b: string) => (a && b && a !== b ? `${a}\n${b}` : a || b);
  into.measures = add(into.measures, more.measures);
  into.goals = add(into.goals, more.goals);
  into.achievements = add(into.achievements, more.achievements);
  // The item's lead is the one on its first row; units of the rows below work with it.
  for (const u of more.units)
    if (!into.units.some((x) => x.text === u.text)) into.units.push({ ...u, role: 'co' });
}

function isSectionRow(texts: string[], map: ColumnMap): boolean {
  const numberCol = map.columns.find((c) => c.role.field === 'number')?.index;
  const onlyText = texts.find(Boolean)!;
  if (numberCol !== undefined && texts[numberCol] === onlyText && /^\d+\*?$/u.test(onlyText)) return false;
  return onlyText.length <= 60;
}

function toRow(
  texts: string[],
  map: ColumnMap,
  where: { table: number; row: number; line: number | undefined },
  section: string | undefined,
  sectionStart: boolean,
): PlanRow {
  const out = emptyRow(sectionStart, where.table, where.row);
  if (where.line !== undefined) out.line = where.line;
  if (section !== undefined) out.section = section;
  const add = (a: string, b: string) => (a && b ? `${a}\n${b}` : a || b);
  for (const col of map.columns) {
    const text = (texts[col.index] ?? '').trim();
    const role = col.role;
    switch (role.field) {
      case 'number':
        out.number ||= text;
        break;
      case 'title':
        out.title = add(out.title, text);
        break;
      case 'measures':
        out.measures = add(out.measures, text);
        break;
      case 'goals':
        out.goals = add(out.goals, text);
        break;
      case 'achievements':
        out.achievements = add(out.achievements, text);
        break;
      case 'units':
        if (text) out.units.push({ text, role: role.role });
        break;
      case 'progress':
        break; // not the plan's (see columns.ts)
      default:
        if (text) out.extra[col.header || `#${col.index + 1}`] = text;
    }
  }
  return out;
}

/** A plan row with nothing in it yet, at a place in the source. */
export function emptyRow(sectionStart: boolean, table: number, row: number): PlanRow {
  return {
    number: '',
    title: '',
    measures: '',
    goals: '',
    achievements: '',
    units: [],
    extra: {},
    sectionStart,
    table,
    row,
  };
}

function pickTitle(lines: string[]): string {
  const candidates = lines.map((l) => l.replace(ATTACHMENT, '').trim()).filter(Boolean);
  return candidates.filter((l) => TITLE_WORDS.test(l)).at(-1) ?? candidates.at(-1) ?? '';
}
