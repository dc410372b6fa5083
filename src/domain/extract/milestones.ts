import type { Milestone, MilestoneSource, Target } from '../plan.js';
import { findDatePhrases } from './dates.js';
import { SpanIndex } from './spans.js';
import { findTargets } from './targets.js';
import { splitList, type ListSplit } from './list-split.js';

/**
 * Milestones and targets of one cell. A date phrase that heads a clause ("2022年9月底前，…",
 * "…；力争年底实现…") governs the words up to the next such phrase or the end of the list
 * entry; targets inside those words take its deadline. Words before any date, in the goals,
 * still hold targets, without a deadline ("经过三年努力，…占比60%").
 */

export interface CellExtraction {
  milestones: Milestone[];
  targets: Target[];
}

const CLAUSE_DELIM = /[，,；;。：:\n]/u;

export function extractCell(
  text: string | ListSplit,
  source: MilestoneSource,
  planYear: number | null,
  undatedTargets: boolean,
): CellExtraction {
  const milestones: Milestone[] = [];
  const targets: Target[] = [];
  let carryYear: number | null = null;

  // Callers that split the cell already pass the split in, so it is done once per cell.
  const split = typeof text === 'string' ? splitList(text) : text;
  for (const entry of split.entries) {
    const body = entry.text;
    const phrases = findDatePhrases(body, carryYear ?? planYear);
    for (const p of phrases) if (p.explicitYear && p.year !== null) carryYear = p.year;
    const dateSpans = phrases.map((p) => [p.start, p.end] as [number, number]);
    const dates = new SpanIndex(dateSpans);
    const heads = phrases.filter((p) => p.leading && p.deadline !== null);

    const starts = clauseStarts(body, heads);
    const firstStart = starts[0] ?? body.length;
    if (undatedTargets && firstStart > 0) {
      const pre = body.slice(0, firstStart);
      for (const t of findTargets(pre, dateSpans)) targets.push(toTarget(t, null, source));
    }
    heads.forEach((p, k) => {
      const from = starts[k]!;
      const to = starts[k + 1] ?? body.length;
      const segment = body.slice(from, to).replace(/[\s，,；;]+$/u, '');
      const rest = body.slice(p.end, to).replace(/[\s，,；;。:：]+/gu, '');
      // Date phrases never overlap: those from the one before `from` on are all that can reach in.
      const local: [number, number][] = [];
      for (let i = Math.max(0, dates.firstStartingAt(from) - 1); i < dates.spans.length; i++) {
        const [a, b] = dates.spans[i]!;
        if (a - from >= segment.length) break;
        if (b - from > 0) local.push([a - from, b - from]);
      }
      for (const t of findTargets(segment, local)) targets.push(toTarget(t, p.deadline, source));
      if (rest === '') return; // "2022年9月底前，力争年底…": the later phrase governs
      milestones.push({ deadline: p.deadline!, text: segment, source, phrase: p.phrase });
    });
  }
  return { milestones, targets };
}

/**
 * Where the clause of each head begins: after the last delimiter before it. Each scan stops at
 * the head before (a clause without a delimiter since then shares that head's start), so a
 * cell of thousands of heads is read once, not once per head.
 */
function clauseStarts(text: string, heads: readonly { start: number }[]): number[] {
  const starts: number[] = [];
  heads.forEach((head, k) => {
    const floor = k > 0 ? heads[k - 1]!.start : 0;
    let i = head.start;
    while (i > floor && !CLAUSE_DELIM.test(text[i - 1]!)) i--;
    starts.push(i > floor || k === 0 ? i : starts[k - 1]!);
  });
  return starts;
}

function toTarget(
  t: ReturnType<typeof findTargets>[number],
  deadline: string | null,
  source: MilestoneSource,
): Target {
  return { metric: t.metric, op: t.op, value: t.value, unit: t.unit, deadline, text: t.text, source };
}
