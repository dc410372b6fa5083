import { classifyHeader } from '../domain/columns.js';
import { parseNumberCell } from '../domain/extract/numbering.js';
import { splitList } from '../domain/extract/list-split.js';
import type { Item, PlanField, UnitRef } from '../domain/plan.js';

/**
 * One item written back into its plan's own columns, in the words the importer reads: the
 * ledger workbook must import as the same plan (docs/publishing.md). Each cell is what the
 * document had, or — where the item only keeps the meaning (lists without their markers, units
 * with their roles) — text the importer reads to the same meaning.
 */

export interface PlanColumn {
  header: string;
  field: PlanField | 'extra';
}

/** For a plan stored without its columns (a JSON plan, an old version): the usual six. */
export const DEFAULT_COLUMNS: readonly PlanColumn[] = [
  { header: '序号', field: 'number' },
  { header: '改革事项', field: 'title' },
  { header: '改革举措', field: 'measures' },
  { header: '主要目标', field: 'goals' },
  { header: '标志性成果', field: 'achievements' },
  { header: '责任单位', field: 'units' },
];

export type CellValue = string | number;

/** Key items are marked with `*` (重点改革). */
const KEY_MARK = /[*＊★☆※]/u;

export function planCells(item: Item, columns: readonly PlanColumn[]): CellValue[] {
  const numberCell = numberText(item);
  const hasNumberColumn = columns.some((c) => c.field === 'number');
  // The key flag lives in the number cell when there is one to carry it, else at the title's end.
  const keyInTitle = item.key && !(hasNumberColumn && KEY_MARK.test(numberCell));
  const units = unitCells(item.units, columns);
  return columns.map((c, i): CellValue => {
    switch (c.field) {
      case 'number':
        return /^[1-9]\d{0,14}$/u.test(numberCell) ? Number(numberCell) : numberCell;
      case 'title':
        return keyInTitle ? `${item.title}*` : item.title;
      case 'measures':
        return listText(item.measures);
      case 'goals':
        return item.goalsText;
      case 'achievements':
        return listText(item.achievements);
      case 'units':
        return units.get(i) ?? '';
      default:
        return item.extra?.[c.header] ?? '';
    }
  });
}

/**
 * The number as written, unless it would read as another number: plans in paragraphs number
 * afresh in each section (the written "1" of item 6), and the ledger's one table must not.
 */
function numberText(item: Item): string {
  const written = item.numberText.trim();
  if (written === '' && item.numberInferred) return '';
  if (written !== '' && parseNumberCell(written).number === item.number) return written;
  if (item.number === null) return written;
  return `${item.number}${item.key ? '*' : ''}`;
}

/**
 * A list as one cell: entries numbered 1. 2. …, or a lone entry as it is when the importer
 * would read it back whole. Entries come from splitList, so splitting the text again gives them back.
 */
export function listText(entries: readonly string[]): string {
  if (entries.length === 0) return '';
  if (entries.length === 1 && sameEntries(entries[0]!, entries)) return entries[0]!;
  // "1.5G基站" would not read as a marker: a digit after the dot needs a space between.
  return entries.map((e, i) => `${i + 1}.${/^\d/u.test(e) ? ' ' : ''}${e}`).join('\n');
}

function sameEntries(text: string, entries: readonly string[]): boolean {
  const back = splitList(text).entries.map((e) => e.text);
  return back.length === entries.length && back.every((e, i) => e === entries[i]);
}

type UnitColumnRole = 'lead' | 'co' | 'mixed';

/**
 * The item's units in the plan's unit columns, as written (not the canonical name), lead first:
 * a lead and a co column each get theirs; a mixed column (责任单位) lists the lead first, and
 * says the roles in words ("牵头单位：…；配合单位：…") when position cannot (several leads,
 * a label such as 数据提供单位).
 */
function unitCells(units: readonly UnitRef[], columns: readonly PlanColumn[]): Map<number, string> {
  const out = new Map<number, string>();
  if (units.length === 0) return out;
  const unitColumns = columns.flatMap((c, i) => {
    if (c.field !== 'units') return [];
    const role = classifyHeader(c.header);
    return [{ index: i, role: (role?.field === 'units' ? role.role : 'mixed') as UnitColumnRole }];
  });
  const column = (role: UnitColumnRole) => unitColumns.find((c) => c.role === role)?.index;
  const leads = units.filter((u) => u.role === 'lead');
  const others = units.filter((u) => u.role !== 'lead');
  const names = (list: readonly UnitRef[]) => list.map((u) => u.name).join('、');
  const lead = column('lead');
  const co = column('co');
  const mixed = column('mixed');
  if (lead !== undefined) {
    out.set(lead, names(leads));
    if (co !== undefined) out.set(co, names(others));
    else if (mixed !== undefined) out.set(mixed, labelled([], others));
    else if (others.length) out.set(lead, names(units));
  } else if (mixed !== undefined) {
    const plain = leads.length === 1 && others.every((u) => !u.label);
    out.set(mixed, plain ? names([...leads, ...others]) : labelled(leads, others));
  } else if (co !== undefined) {
    out.set(co, names(units));
  }
  return out;
}

/** "牵头单位：A、B；配合单位：C；数据提供单位：D" — roles said in words. */
function labelled(leads: readonly UnitRef[], others: readonly UnitRef[]): string {
  const groups = new Map<string, string[]>();
  if (leads.length)
    groups.set(
      '牵头单位',
      leads.map((u) => u.name),
    );
  for (const u of others) {
    const label = u.label ?? '配合单位';
    groups.set(label, [...(groups.get(label) ?? []), u.name]);
  }
  return [...groups].map(([label, list]) => `${label}：${list.join('、')}`).join('；');
}
