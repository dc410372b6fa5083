import { cadenceOf, comparePeriods } from '../reporting/period.js';
import { reportStats } from '../reporting/scoreboard.js';
import { changesBetween, trend } from '../reporting/snapshot.js';
import { countStatuses } from '../status/counts.js';
import { addDays } from '../status/dates.js';
import { unitStats } from '../status/unit-status.js';
import { isReached, latestMilestoneEntries, type RatedBulletin, type RatedEntry } from './rate.js';
import type {
  BulletinChanges,
  BulletinFigures,
  BulletinInput,
  BulletinItemRef,
  LateItem,
  LateReporter,
  LateUnit,
  ReachedAchievement,
  TrendPoint,
  UnitStatusRow,
} from './types.js';

/** The numbers and lists the bulletin's text is written from, all as of the period's due date. */

const collator = new Intl.Collator('zh-CN');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
const byNumber = (a: { number: number | null }, b: { number: number | null }) =>
  (a.number ?? Infinity) - (b.number ?? Infinity);

export function overallFigures(
  rated: RatedBulletin,
  reachedInPeriod: number,
  reports: BulletinFigures['reports'],
): BulletinFigures {
  const { asOf, entries } = rated;
  const ms = unitStats(
    entries.map((e) => ({ milestones: e.entry.item.milestones, rating: e.rating })),
    asOf,
  );
  const targets = { total: 0, met: 0, due: 0, dueMet: 0, blank: 0 };
  const achievements = { total: 0, reached: 0, reachedInPeriod };
  for (const { entry, rating } of entries) {
    entry.item.targets.forEach((t, i) => {
      const met = rating.targets[i]?.status === 'done';
      const due = t.deadline !== null && t.deadline < asOf;
      targets.total++;
      if (met) targets.met++;
      if (due) targets.due++;
      if (due && met) targets.dueMet++;
      if (t.value === null) targets.blank++;
    });
    achievements.total += rating.achievements.length;
    achievements.reached += rating.achievements.filter((a) => a.status === 'done').length;
  }
  return {
    items: countStatuses(entries.map((e) => e.status)),
    milestones: {
      total: entries.reduce((n, e) => n + e.entry.item.milestones.length, 0),
      due: ms.dueMilestones,
      dueDone: ms.dueDone,
      overdue: ms.dueMilestones - ms.dueDone,
      doneOnTime: ms.doneOnTime,
      doneLate: ms.doneLate,
    },
    targets,
    achievements,
    reports,
  };
}

export function changesOf(input: BulletinInput, rated: RatedBulletin): BulletinChanges {
  const refs = new Map(rated.entries.map((e) => [e.entry.itemKey, e.ref]));
  const c = changesBetween(input.previous, input.snapshot);
  const list = (changes: { itemKey: string }[]): BulletinItemRef[] =>
    changes.flatMap((x) => {
      const ref = refs.get(x.itemKey);
      return ref ? [ref] : [];
    });
  const first = input.previous === null;
  return {
    done: list(c.done),
    becameRed: list(c.becameRed),
    recovered: list(c.recovered),
    reopened: list(c.reopened),
    // With no previous snapshot every item is "new": that is the first bulletin, not news.
    added: first ? [] : list(c.new),
    removed: c.removed.map((x) => x.itemKey),
    first,
  };
}

/** Achievements known reached on the due date that were not known reached on the previous one. */
export function reachedInPeriod(rated: RatedBulletin): ReachedAchievement[] {
  const out: ReachedAchievement[] = [];
  for (const e of rated.entries) {
    e.entry.item.achievements.forEach((text, i) => {
      const now = e.progress.achievements?.[i];
      if (!isReached(now, rated.asOf) || e.reachedBefore[i]) return;
      out.push({ ...e.ref, text, reachedOn: now?.reachedOn ?? null });
    });
  }
  return out;
}

/** Late (red) and at-risk (yellow) items under their lead unit: most late first. */
export function lateByUnit(rated: RatedBulletin): LateUnit[] {
  const units = new Map<string, LateUnit>();
  for (const e of rated.entries) {
    if (e.status !== 'red' && e.status !== 'yellow') continue;
    const lead = e.entry.lead;
    const key = lead?.id ?? '';
    const unit = units.get(key) ?? { unitId: lead?.id ?? null, name: lead?.name ?? '', items: [] };
    unit.items.push(lateItem(e, rated.asOf));
    units.set(key, unit);
  }
  const reds = (u: LateUnit) => u.items.filter((i) => i.status === 'red').length;
  const list = [...units.values()];
  for (const u of list)
    u.items.sort((a, b) => (a.status === b.status ? byNumber(a, b) : a.status === 'red' ? -1 : 1));
  return list.sort(
    (a, b) =>
      // A late item without a lead unit still shows, after every named unit.
      Number(a.unitId === null) - Number(b.unitId === null) ||
      reds(b) - reds(a) ||
      b.items.length - a.items.length ||
      byName(a, b),
  );
}

function lateItem(e: RatedEntry, asOf: string): LateItem {
  const { item } = e.entry;
  const latest = latestMilestoneEntries(e.entry, asOf);
  return {
    ...e.ref,
    status: e.status as 'red' | 'yellow',
    overdue: item.milestones
      .filter((_, i) => e.rating.milestones[i]?.status === 'red')
      .map((m) => ({ deadline: m.deadline, text: m.text, phrase: m.phrase })),
    risks: latest.flatMap((m, i) =>
      m?.state === 'at_risk' && e.rating.milestones[i]?.status !== 'done' && m.reason?.trim()
        ? [m.reason.trim()]
        : [],
    ),
    targetsMissed: item.targets
      .filter((_, i) => e.rating.targets[i]?.status === 'red')
      .map((t) => `${t.metric}${t.text}`),
  };
}

/** Units whose reports for the period were not in (and not returned) by the due date. */
export function lateReporters(
  input: BulletinInput,
  asOf: string,
): { reporters: LateReporter[]; totals: BulletinFigures['reports'] } {
  const numbers = new Map(input.items.map((i) => [i.itemKey, i.item.number]));
  // The day after the due date: every report of the period is due by then, and what came later
  // is not looked at, so the list is the same whenever the bulletin is generated.
  const after = addDays(asOf, 1);
  const units = new Map<string, LateReporter>();
  let onTime = 0;
  for (const owed of input.reportsOwed) {
    const s = reportStats([{ period: input.period, submissions: owed.submissions }], after, input.dueDay);
    const u = units.get(owed.unitId) ?? {
      unitId: owed.unitId,
      name: owed.unitName,
      owed: 0,
      late: 0,
      items: [],
    };
    u.owed++;
    if (s.onTime > 0) onTime++;
    else {
      u.late++;
      u.items.push(numbers.get(owed.itemKey) ?? null);
    }
    units.set(owed.unitId, u);
  }
  const reporters = [...units.values()]
    .filter((u) => u.late > 0)
    .map((u) => ({ ...u, items: [...u.items].sort((a, b) => (a ?? Infinity) - (b ?? Infinity)) }))
    .sort((a, b) => b.late - a.late || byName(a, b));
  const owed = input.reportsOwed.length;
  return { reporters, totals: { owed, onTime, late: owed - onTime } };
}

/** Items by status per period up to this one (same cadence), oldest first. */
export function trendPoints(input: BulletinInput, label: (p: TrendPoint['period']) => string): TrendPoint[] {
  const cadence = cadenceOf(input.period);
  const byPeriod = new Map(
    input.history
      .filter((s) => cadenceOf(s.period) === cadence && comparePeriods(s.period, input.period) <= 0)
      .map((s) => [s.period, s]),
  );
  byPeriod.set(input.snapshot.period, input.snapshot);
  return trend([...byPeriod.values()]).map((p) => ({
    period: p.period,
    label: label(p.period),
    counts: p.counts,
  }));
}

/** Units shown in the chart by unit: those leading the most items (as many as the dashboard shows). */
export const CHART_UNITS = 15;

/** Items each lead unit leads, by status; most items first (then most late, then name). */
export function unitStatusRows(rated: RatedBulletin): { rows: UnitStatusRow[]; units: number } {
  const rows = new Map<string, UnitStatusRow>();
  for (const e of rated.entries) {
    const lead = e.entry.lead;
    if (!lead) continue;
    const row = rows.get(lead.id) ?? {
      unitId: lead.id,
      name: lead.name,
      red: 0,
      yellow: 0,
      green: 0,
      done: 0,
    };
    row[e.status]++;
    rows.set(lead.id, row);
  }
  const total = (r: UnitStatusRow) => r.red + r.yellow + r.green + r.done;
  const sorted = [...rows.values()].sort((a, b) => total(b) - total(a) || b.red - a.red || byName(a, b));
  return { rows: sorted.slice(0, CHART_UNITS), units: sorted.length };
}
