import type { PlanField } from './plan.js';
import type { RawCell } from './raw-table.js';
import { foldWidth } from './extract/text-width.js';

/**
 * Which column is which. Plans name their columns in many ways (改革任务, 具体举措, 完成时限,
 * 牵头单位 …); the header row is the row near the top whose cells match most of these names.
 * Columns that match nothing are kept as `extra`, never dropped.
 *
 * Columns that report progress (状态, 进展情况, 完成情况, 下一节点 …) are not part of the plan:
 * a 台账 kept up to date each month, or the ledger this program exports, carries them next to
 * the plan's own columns. Taken as `extra` they would make last month's words part of the plan
 * and every item "changed" at the next import; progress comes in through reports instead.
 */

export type ColumnRole =
  | { field: Exclude<PlanField, 'units'> }
  | { field: 'units'; role: 'lead' | 'co' | 'mixed' }
  | { field: 'extra' }
  | { field: 'progress' };

/**
 * Whole headers only: a plan column that merely mentions progress (进度安排 is a goals column)
 * keeps its meaning. English for a ledger exported in English.
 */
const PROGRESS =
  /^(?:(?:当前|目前|完成|实施|工作)?状态|(?:最新|工作|推进|实施|当前|目前)?进展(?:情况)?|(?:推进|落实|完成|实施|进度|工作推进|目标完成|指标完成|任务完成)情况|(?:完成|当前|目前)进度|下一(?:时间)?节点|指标完成|status|progress|nextdeadline|latestreport|latestprogress|targetactuals)$/iu;

// Order matters: the first field whose synonym a header contains wins, and more specific
// names come before general ones (完成时限 is a goals column, not a title).
const SYNONYMS: [ColumnRole, RegExp][] = [
  [{ field: 'number' }, /^(?:序号|编号|序|No\.?|项目编号|事项编号)$/iu],
  [{ field: 'units', role: 'lead' }, /牵头(?:单位|部门)|主责(?:单位|部门)/u],
  [{ field: 'units', role: 'co' }, /配合(?:单位|部门)|协同(?:单位|部门)|参与(?:单位|部门)|协办/u],
  [{ field: 'units', role: 'mixed' }, /责任(?:单位|部门|主体)|承担单位|实施单位/u],
  [{ field: 'achievements' }, /标志性成果|预期成果|工作成果|成果形式|成果/u],
  [
    { field: 'goals' },
    /主要目标|目标任务|时间节点|完成时限|进度安排|时间安排|年度目标|工作目标|完成时间|目标/u,
  ],
  [
    { field: 'measures' },
    /改革举措|具体举措|工作举措|主要举措|工作措施|主要措施|具体措施|主要内容|工作内容|举措|措施/u,
  ],
  [
    { field: 'title' },
    /改革事项|改革任务|重点任务|任务名称|改革项目|项目名称|事项名称|改革内容|重点改革|任务|事项/u,
  ],
];

export interface ColumnMap {
  headerRow: number;
  columns: { index: number; header: string; role: ColumnRole }[];
}

export function classifyHeader(text: string): ColumnRole | null {
  const h = foldWidth(text).replace(/\s+/gu, '');
  if (!h || h.length > 20) return null;
  if (PROGRESS.test(h)) return { field: 'progress' };
  for (const [role, re] of SYNONYMS) if (re.test(h)) return role;
  return null;
}

/** Finds the header among the first rows: the row with the most recognised columns (≥ 2, one a title or measures). */
export function findHeader(rows: RawCell[][], scan = 12): ColumnMap | null {
  let best: ColumnMap | null = null;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const cells = rows[r]!;
    const distinct = new Set(cells.map((c) => c.text.trim()));
    if (distinct.size < 2) continue; // a merged title row repeats one text across the row
    const columns = cells.map((c, index) => ({
      index,
      header: c.text.trim().replace(/\s+/gu, ''),
      role: classifyHeader(c.text) ?? ({ field: 'extra' } as ColumnRole),
    }));
    // Progress columns say nothing about whether this row names a plan's columns.
    const known = columns.filter((c) => c.role.field !== 'extra' && c.role.field !== 'progress');
    const fields = new Set(known.map((c) => c.role.field));
    const score = fields.size;
    if (score > bestScore && (fields.has('title') || fields.has('measures') || fields.has('goals'))) {
      best = { headerRow: r, columns };
      bestScore = score;
    }
  }
  return best;
}

/** Header texts of the first rows, for the error that says what was seen. */
export function headersSeen(rows: RawCell[][]): string[] {
  const first = rows.find((r) => r.some((c) => c.text.trim())) ?? [];
  return first.map((c) => c.text.trim().replace(/\s+/gu, ' ').slice(0, 20)).filter(Boolean);
}
