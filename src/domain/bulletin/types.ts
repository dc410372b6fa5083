import type { Item } from '../plan.js';
import type { Locale } from '../../i18n/index.js';
import type { DatedReport } from '../reporting/latest-progress.js';
import type { Period } from '../reporting/period.js';
import type { ScoreRow } from '../reporting/scoreboard.js';
import type { Snapshot } from '../reporting/snapshot.js';
import type { StatusCounts } from '../status/counts.js';
import type { Rag } from '../status/status.js';

/**
 * The period bulletin (通报): what goes in, and the content that comes out. The content is plain
 * JSON — stored as it is when the bulletin is generated, so that the same period always gives the
 * same bulletin however the data moves afterwards — and every writer (the .docx, a preview on the
 * web page) only lays it out.
 */

/** What a lead unit wrote in words about an item in one period's approved report. */
export interface BulletinNarrative {
  period: Period;
  /** The day it became known (its approval day): a narrative is known from then on. */
  on: string;
  text: string;
}

export interface BulletinItem {
  itemKey: string;
  item: Pick<Item, 'number' | 'key' | 'title' | 'milestones' | 'targets' | 'achievements'>;
  lead: { id: string; name: string } | null;
  /** Approved reports of the item, any period; only those known by a date count on it. */
  reports: readonly DatedReport[];
  /** The approved reports' narratives (key reforms quote the latest known on the due date). */
  narratives?: readonly BulletinNarrative[];
}

/** A report owed for the bulletin's period: the lead unit's, for one item. */
export interface ReportOwed {
  itemKey: string;
  unitId: string;
  unitName: string;
  /** Its submissions in order; those after the due date do not make it on time. */
  submissions: readonly { on: string; returned: boolean }[];
}

export interface BulletinInput {
  locale: Locale;
  period: Period;
  dueDay: number;
  warningDays: number;
  /** The organisation's name (三门县), for the title and the red-headed block. */
  org: string | null;
  planTitle: string | null;
  /** The plan's items in order. */
  items: readonly BulletinItem[];
  /** The period's locked snapshot: item statuses as of its due date. */
  snapshot: Snapshot;
  /** The period before's snapshot (null for the first bulletin). */
  previous: Snapshot | null;
  /** Every snapshot up to this one, for the trend chart (any order; later ones are ignored). */
  history: readonly Snapshot[];
  /** The scoreboard as of the due date, ranked. */
  scoreboard: readonly (ScoreRow & { previousRank?: number | null })[];
  /** The reports owed for this period (empty when reporting has not started). */
  reportsOwed: readonly ReportOwed[];
}

/** A table cell: text, and the rows it spans downwards (a unit over its items). */
export interface BulletinCell {
  text: string;
  rowSpan?: number;
  /** Colours the text by status (late items in red). */
  tone?: Rag;
}

export interface BulletinTable {
  /** What the table lists (the writer picks its layout by it). */
  id: 'lateByUnit' | 'scoreboard' | 'lateReports';
  /** Column titles and relative widths (the writer scales them to the type area). */
  columns: { title: string; width: number }[];
  rows: BulletinCell[][];
}

export type ChartId = 'trend' | 'byUnit';

export type BulletinBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; table: BulletinTable }
  | { kind: 'chart'; chart: ChartId; caption: string };

export interface BulletinSection {
  key: BulletinSectionKey;
  /** "一、总体进展情况" */
  heading: string;
  blocks: BulletinBlock[];
}

export type BulletinSectionKey =
  'overview' | 'changes' | 'achievements' | 'keyItems' | 'lateItems' | 'scoreboard' | 'reporting';

/** The figures the text is written from (kept for tests, the web page and later reuse). */
export interface BulletinFigures {
  items: StatusCounts;
  milestones: {
    total: number;
    /** Due as of the due date (deadline before it, or done with a deadline on it). */
    due: number;
    /** Due and done. */
    dueDone: number;
    /** Due and not done: late (逾期未完成). */
    overdue: number;
    /** Done on or before their deadline / after it (any deadline). */
    doneOnTime: number;
    doneLate: number;
  };
  targets: {
    total: number;
    /** Met as of the due date (any deadline). */
    met: number;
    /** Deadline before the due date. */
    due: number;
    dueMet: number;
    /** Left blank by the document: can never be met. */
    blank: number;
  };
  achievements: { total: number; reached: number; reachedInPeriod: number };
  reports: { owed: number; onTime: number; late: number };
}

export interface BulletinItemRef {
  itemKey: string;
  number: number | null;
  title: string;
  lead: string | null;
}

export interface BulletinChanges {
  done: BulletinItemRef[];
  becameRed: BulletinItemRef[];
  recovered: BulletinItemRef[];
  reopened: BulletinItemRef[];
  added: BulletinItemRef[];
  removed: string[];
  /** No previous snapshot: this is the first bulletin. */
  first: boolean;
}

export interface LateItem extends BulletinItemRef {
  status: 'red' | 'yellow';
  /** Milestones past their deadline and not done, as the plan words them. */
  overdue: { deadline: string; text: string; phrase?: string }[];
  /** Reasons the latest reports give for milestones at risk. */
  risks: string[];
  /** Targets whose deadline passed unmet (the document's text of the figure). */
  targetsMissed: string[];
}

export interface LateUnit {
  unitId: string | null;
  name: string;
  items: LateItem[];
}

export interface ReachedAchievement extends BulletinItemRef {
  text: string;
  reachedOn: string | null;
}

export interface LateReporter {
  unitId: string;
  name: string;
  owed: number;
  late: number;
  /** Item numbers whose report was not in on time. */
  items: (number | null)[];
}

export interface TrendPoint {
  period: Period;
  label: string;
  counts: StatusCounts;
}

export interface UnitStatusRow {
  unitId: string | null;
  name: string;
  red: number;
  yellow: number;
  green: number;
  done: number;
}

export interface BulletinContent {
  /** Bumped when the shape changes: a stored bulletin says which shape it has. */
  version: 1;
  locale: Locale;
  period: Period;
  /** "2022年6月" */
  periodLabel: string;
  /** The due date the statuses are as of. */
  asOf: string;
  org: string | null;
  /** The red-headed block's text ("三门县改革工作通报"). */
  masthead: string;
  title: string;
  /** The opening paragraph the office starts from (it may replace it before publishing). */
  defaultOpening: string;
  figures: BulletinFigures;
  changes: BulletinChanges;
  achievements: ReachedAchievement[];
  lateByUnit: LateUnit[];
  lateReporters: LateReporter[];
  charts: { trend: TrendPoint[]; byUnit: UnitStatusRow[] };
  sections: BulletinSection[];
}
