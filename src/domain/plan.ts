/**
 * The plan as the domain understands it: the JSON contract of `reform-ledger parse`
 * (see schema/plan.schema.json, generated from src/domain/plan-schema.ts).
 */

export type MilestoneSource = 'goals' | 'measures' | 'achievements';
export type TargetOp = '>=' | '<=' | '=';
export type UnitRole = 'lead' | 'co';
export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'MISSING_NUMBER'
  | 'SEQUENCE_GAP'
  | 'DUPLICATE_TEXT'
  | 'DATE_OUT_OF_ORDER'
  | 'DATE_OUTSIDE_PLAN'
  | 'BLANK_VALUE'
  | 'NO_DEADLINE'
  | 'NO_MEASURABLE_TARGET'
  | 'UNIT_ALIAS'
  | 'COLUMN_MISPLACED'
  | 'EMPTY_CELL';

export const FINDING_CODES: readonly FindingCode[] = [
  'MISSING_NUMBER',
  'SEQUENCE_GAP',
  'DUPLICATE_TEXT',
  'DATE_OUT_OF_ORDER',
  'DATE_OUTSIDE_PLAN',
  'BLANK_VALUE',
  'NO_DEADLINE',
  'NO_MEASURABLE_TARGET',
  'UNIT_ALIAS',
  'COLUMN_MISPLACED',
  'EMPTY_CELL',
];

/** The plan's content columns, as named in findings (`field`). */
export type PlanField = 'number' | 'title' | 'measures' | 'goals' | 'achievements' | 'units';

export interface Milestone {
  /** ISO date (YYYY-MM-DD): the last day the phrase allows. */
  deadline: string;
  /** The sentence (clause) the deadline governs, as written. */
  text: string;
  source: MilestoneSource;
  /** The date phrase exactly as written, e.g. "2022年9月底前". */
  phrase: string;
}

export interface Target {
  /** What is measured, in the document's words (e.g. "“农户家庭资产池”融资"). */
  metric: string;
  op: TargetOp;
  /** In base units (15亿元 → 1500000000); null when the document left it blank. */
  value: number | null;
  /** Base unit: 元, %, 个, 家, 人, 人次, 亩, 平方米 …; "" when the number has none (a ratio). */
  unit: string;
  /** Deadline of the milestone whose sentence holds the target, if any. */
  deadline: string | null;
  /** The number as written, e.g. "15亿元以上". */
  text: string;
  source: MilestoneSource;
}

export interface UnitRef {
  /** As written in the document. */
  name: string;
  /** The name this unit is known by across the plan (aliases resolved). */
  canonical: string;
  role: UnitRole;
  /** The document's own label for a role beyond lead/co, e.g. "数据提供单位". */
  label?: string;
  /** A collective such as 各乡镇（街道）or 区直各部门: not one department. */
  collective?: boolean;
}

export interface Item {
  /** The item's number: explicit, or inferred from its neighbours when the cell was empty. */
  number: number | null;
  /** The number cell as written ("1*", "" when empty). */
  numberText: string;
  numberInferred: boolean;
  /** Key reform (重点改革), marked with * in the number or title. */
  key: boolean;
  title: string;
  measures: string[];
  /** The 主要目标 cell, verbatim. */
  goalsText: string;
  milestones: Milestone[];
  targets: Target[];
  achievements: string[];
  units: UnitRef[];
  /** Columns the importer does not know, kept under their header text. */
  extra?: Record<string, string>;
  /** Section heading for plans grouped under headings (一、…). */
  section?: string;
  /** Where the row is in the source (1-based row of its table, file line when known). */
  sourceRow?: { table: number; row: number; line?: number };
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Item number (null for plan-level findings). */
  item: number | null;
  field: PlanField | null;
  /** Which kind of the code, when it has several (e.g. DATE_OUT_OF_ORDER "year": a probable typo). */
  variant?: string;
  /** The original text the finding is about (shortened). */
  excerpt?: string;
  message: string;
  /** Values the message was built from (numbers, names), for machines. */
  params?: Record<string, string | number | (string | number)[]>;
}

export interface Plan {
  title: string;
  year: number | null;
  items: Item[];
  findings: Finding[];
  /** The document's column headers as written, and what each was mapped to. */
  columns?: { header: string; field: PlanField | 'extra' }[];
  source?: { file: string; format: string };
}
