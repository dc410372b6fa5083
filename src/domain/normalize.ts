import type { Finding, FindingCode, Item, Plan, UnitRef } from './plan.js';
import { FINDING_CODES } from './plan.js';
import type { RawDocument } from './raw-table.js';
import { excerpt, renderFinding, type FindingDraft } from './finding.js';
import { planRows, type PlanRow, type PlanTable } from './table-rows.js';
import { paragraphPlan } from './paragraph-plan.js';
import { InputError } from './errors.js';
import { isCollectiveUnit } from './extract/responsibility.js';
import { resolveNumbers, type ItemNumber } from './extract/numbering.js';
import { splitList } from './extract/list-split.js';
import { extractCell } from './extract/milestones.js';
import { findDatePhrases } from './extract/dates.js';
import { splitUnits, looksLikeUnit } from './extract/units.js';
import { resolveUnitAliases, placesInTitle } from './extract/unit-aliases.js';
import { lintItems } from './lint/index.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';

export interface NormalizeOptions {
  locale?: Locale;
  /** The plan year when the document does not say it (e.g. taken from the file's context). */
  year?: number;
}

/** A read document → the plan with its findings: the whole importer's meaning, no I/O. */
export function normalizeDocument(doc: RawDocument, opts: NormalizeOptions = {}): Plan {
  const { table, blocks, issuedYear } = readPlanRows(doc);
  const year = opts.year ?? planYear(table.title, table.rows, issuedYear);
  const drafts: FindingDraft[] = [];
  const numbers: (ItemNumber | undefined)[] = [];
  for (const block of blocks) {
    // Loops, not Math.max(...)/push(...): spreading a long plan's rows overflows the stack.
    const after = numbers.reduce((max, n) => Math.max(max, n?.number ?? 0), 0);
    const r = numberBlock(block, after);
    for (const n of r.numbers) numbers.push(n);
    for (const f of r.findings) drafts.push(f);
  }

  const items: Item[] = table.rows.map((row, i) => {
    const n = numbers[i];
    const number = n?.number ?? i + 1;
    const titleKey = /^[*＊★]|[*＊★]$/u.test(row.title.trim());
    const lists = {
      measures: splitList(row.measures),
      goals: splitList(row.goals),
      achievements: splitList(row.achievements),
    };
    const goals = extractCell(lists.goals, 'goals', year, true);
    const fromMeasures = extractCell(lists.measures, 'measures', year, false);
    const fromAchievements = extractCell(lists.achievements, 'achievements', year, false);
    for (const [field, text] of [
      ['measures', row.measures],
      ['goals', row.goals],
      ['achievements', row.achievements],
    ] as const) {
      for (const [from, to] of lists[field].gaps) {
        drafts.push({
          code: 'SEQUENCE_GAP',
          severity: 'info',
          item: number,
          field,
          variant: 'markers',
          excerpt: excerpt(text),
          params: { field, from, to, missing: range(from + 1, to - 1) },
        });
      }
    }
    const item: Item = {
      number,
      numberText: row.number,
      numberInferred: n?.inferred ?? false,
      key: (n?.key ?? false) || titleKey,
      title: row.title.replace(/^[*＊★]\s*|\s*[*＊★]$/gu, '').replace(/\s*\n\s*/gu, ''),
      measures: lists.measures.entries.map((e) => e.text),
      goalsText: row.goals,
      milestones: [...goals.milestones, ...fromMeasures.milestones, ...fromAchievements.milestones],
      targets: [...goals.targets, ...fromMeasures.targets, ...fromAchievements.targets],
      achievements: lists.achievements.entries.map((e) => e.text),
      units: unitsOf(row),
      sourceRow: { table: row.table, row: row.row, ...(row.line !== undefined ? { line: row.line } : {}) },
    };
    if (Object.keys(row.extra).length) item.extra = row.extra;
    if (row.section) item.section = row.section;
    for (const t of item.targets) {
      if (t.value === null) {
        drafts.push({
          code: 'BLANK_VALUE',
          severity: 'warning',
          item: number,
          field: t.source,
          excerpt: excerpt(`${t.metric}${t.text}`),
          params: { text: `${t.metric}${t.text}`, metric: t.metric },
        });
      }
    }
    return item;
  });

  const fields = new Set(table.columns.flatMap((c) => (c.field === 'extra' ? [] : [c.field])));
  const all = [
    ...drafts,
    ...canonicaliseUnits(items, placesInTitle(table.title)),
    ...lintItems(items, { year, fields }),
  ];

  const locale = opts.locale ?? DEFAULT_LOCALE;
  return {
    title: table.title,
    year,
    items,
    findings: sortFindings(all.map((d) => renderFinding(d, locale))),
    columns: table.columns,
    source: { file: doc.source, format: doc.format },
  };
}

interface RowBlock {
  rows: PlanRow[];
  /** How the block's numbers are read: as written (gaps reported), or counted through. */
  numbering: 'written' | 'through';
}

/**
 * The plan's rows: from its table, or — when it has none that fits — from numbered
 * paragraphs; a table followed by numbered tasks with responsible units gives both.
 */
function readPlanRows(doc: RawDocument): { table: PlanTable; blocks: RowBlock[]; issuedYear: number | null } {
  let table: PlanTable;
  try {
    table = planRows(doc);
  } catch (e) {
    if (!(e instanceof InputError) || (e.key !== 'error.no_table' && e.key !== 'error.no_header')) throw e;
    const para = paragraphPlan(doc);
    if (!para)
      throw e.key === 'error.no_table' ? new InputError('error.no_plan', {}, { file: doc.source }) : e;
    return {
      table: para,
      blocks: [{ rows: para.rows, numbering: para.hasNumberColumn ? 'written' : 'through' }],
      issuedYear: para.issuedYear,
    };
  }
  const blocks: RowBlock[] = [{ rows: table.rows, numbering: table.hasNumberColumn ? 'written' : 'through' }];
  const tasks = paragraphPlan(doc, { requireUnits: true });
  if (tasks) {
    blocks.push({ rows: tasks.rows, numbering: 'through' });
    table = { ...table, rows: [...table.rows, ...tasks.rows] };
  }
  return { table, blocks, issuedYear: tasks?.issuedYear ?? table.statedYear ?? null };
}

function numberBlock(block: RowBlock, after: number): { numbers: ItemNumber[]; findings: FindingDraft[] } {
  if (block.numbering === 'written') {
    return resolveNumbers(block.rows.map((r) => ({ text: r.number, sectionStart: r.sectionStart })));
  }
  // Numbering restarts per section, or continues a table: count through, keep what was written.
  return {
    numbers: block.rows.map((r, i) => ({
      number: after + i + 1,
      numberText: r.number,
      inferred: false,
      key: /[*＊★]/u.test(r.number),
    })),
    findings: [],
  };
}

function unitsOf(row: PlanRow): UnitRef[] {
  const out: UnitRef[] = [];
  for (const cell of row.units) {
    for (const u of splitUnits(cell.text)) {
      const role = cell.role === 'mixed' ? u.role : cell.role;
      // A lead column may name several units; only a mixed column's first is the lead by position.
      const ref: UnitRef = { name: u.name, canonical: u.name, role: cell.role === 'co' ? 'co' : role };
      const label = u.label ?? cell.label;
      if (label) ref.label = label;
      if (isCollectiveUnit(u.name)) ref.collective = true;
      out.push(ref);
    }
  }
  if (out.length && !out.some((u) => u.role === 'lead')) out[0]!.role = 'lead';
  return out;
}

function canonicaliseUnits(items: Item[], places: string[]): FindingDraft[] {
  const all = items.flatMap((it) => it.units.filter((u) => !u.collective).map((u) => u.name));
  const aliases = resolveUnitAliases(all, places);
  const drafts: FindingDraft[] = [];
  const firstItem = (name: string) =>
    items.find((it) => it.units.some((u) => u.name === name))?.number ?? null;
  for (const it of items) for (const u of it.units) u.canonical = aliases.canonical.get(u.name) ?? u.name;
  for (const m of aliases.merged) {
    drafts.push({
      code: 'UNIT_ALIAS',
      severity: 'warning',
      item: firstItem(m.alias),
      field: 'units',
      excerpt: m.alias,
      params: { alias: m.alias, canonical: m.canonical },
    });
  }
  for (const p of aliases.possible) {
    drafts.push({
      code: 'UNIT_ALIAS',
      severity: 'info',
      item: firstItem(p.alias),
      field: 'units',
      excerpt: p.alias,
      variant: 'possible',
      params: { alias: p.alias, canonical: p.canonical },
    });
  }
  for (const it of items) {
    for (const u of it.units) {
      if (!u.collective && !looksLikeUnit(u.name)) {
        drafts.push({
          code: 'COLUMN_MISPLACED',
          severity: 'warning',
          item: it.number,
          field: 'units',
          variant: 'units',
          excerpt: excerpt(u.name),
          params: { text: excerpt(u.name, 30) },
        });
      }
    }
  }
  return drafts;
}

/** The plan's year: written in the title ("2022年…"), else its issuing date, else the year most of its deadlines name. */
function planYear(title: string, rows: PlanRow[], issuedYear: number | null): number | null {
  const inTitle = /((?:19|20)\d{2})\s*年/u.exec(title);
  if (inTitle) return Number(inTitle[1]);
  if (issuedYear !== null) return issuedYear;
  const counts = new Map<number, number>();
  for (const r of rows) {
    for (const p of findDatePhrases(r.goals, null)) {
      if (p.explicitYear && p.year !== null) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, c] of counts)
    if (best === null || c > counts.get(best)! || (c === counts.get(best) && y < best)) best = y;
  return best;
}

function sortFindings(findings: Finding[]): Finding[] {
  const order = (c: FindingCode) => FINDING_CODES.indexOf(c);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.item ?? -1) - (b.f.item ?? -1) || order(a.f.code) - order(b.f.code) || a.i - b.i)
    .map(({ f }) => f);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}
