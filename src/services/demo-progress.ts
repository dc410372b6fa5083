import type { Item } from '../domain/plan.js';
import type { AchievementReport, MilestoneReport, TargetReport } from '../domain/reporting/progress.js';
import { addDays, daysBetween } from '../domain/status/dates.js';

/**
 * What the demo's synthetic units report (pure: a seeded random source and the plan in, report
 * entries out). Each milestone gets a fate once — done on time, done late, at risk, or stuck — so
 * that successive reports of one item tell a consistent story and the dashboard shows every
 * colour: greens, yellows, a few reds, done items, late completions.
 */

export type Rng = () => number;

/** mulberry32: small, seeded, the same demo on every run. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

type Fate =
  | { kind: 'onTime'; doneOn: string }
  | { kind: 'late'; doneOn: string }
  | { kind: 'atRisk' }
  | { kind: 'stuck' };

export interface ItemStory {
  fates: Fate[];
  /** Per target: how far ahead of (>1) or behind (<1) a straight line to the target it runs. */
  pace: number[];
  /** The day the item's work started, for in-progress percentages. */
  start: string;
}

export function itemStory(item: Item, rng: Rng, start: string): ItemStory {
  return {
    start,
    fates: item.milestones.map((m): Fate => {
      const r = rng();
      if (r < 0.7) return { kind: 'onTime', doneOn: addDays(m.deadline, -between(rng, 0, 25)) };
      if (r < 0.82) return { kind: 'late', doneOn: addDays(m.deadline, between(rng, 5, 40)) };
      if (r < 0.92) return { kind: 'atRisk' };
      return { kind: 'stuck' };
    }),
    pace: item.targets.map(() => 0.8 + rng() * 0.4),
  };
}

export interface DemoTexts {
  atRiskReason: string;
  achievementEvidence: string;
}

/** The report an item's lead unit writes on `on` (ISO date), as its story stands that day. */
export interface DemoReport {
  milestones: MilestoneReport[];
  targets: (TargetReport | null)[];
  achievements: AchievementReport[];
}

export function demoReport(item: Item, story: ItemStory, on: string, texts: DemoTexts): DemoReport {
  const milestones = item.milestones.map((m, i): MilestoneReport => {
    const fate = story.fates[i]!;
    if ((fate.kind === 'onTime' || fate.kind === 'late') && fate.doneOn <= on) {
      return { state: 'done', doneOn: fate.doneOn };
    }
    if (fate.kind === 'atRisk' && daysBetween(on, m.deadline) < 60) {
      return { state: 'at_risk', reason: texts.atRiskReason };
    }
    return { state: 'in_progress', percent: percentDone(story.start, m.deadline, on) };
  });
  const targets = item.targets.map((t, i): TargetReport | null => {
    if (t.value === null || t.deadline === null) return null;
    const elapsed = Math.max(0, Math.min(1.2, fraction(story.start, t.deadline, on)));
    const pace = story.pace[i]!;
    // "控制在…以内" targets start above the ceiling and come down; the rest climb towards it.
    const actual = t.op === '<=' ? t.value * (1.3 - 0.45 * elapsed * pace) : t.value * elapsed * pace;
    return writtenActual(actual, t.unit, on);
  });
  const allDone = milestones.every((m) => m.state === 'done');
  const achievements = item.achievements.map((): AchievementReport =>
    allDone ? { reached: true, reachedOn: on, evidence: texts.achievementEvidence } : { reached: false },
  );
  return { milestones, targets, achievements };
}

/** Large amounts are reported the way offices write them (亿元, 万元), which also exercises conversion. */
function writtenActual(actual: number, unit: string, on: string): TargetReport {
  if (unit === '元' && Math.abs(actual) >= 1e8)
    return { actual: (actual / 1e8).toFixed(2), unit: '亿元', reportedOn: on };
  if (unit === '元' && Math.abs(actual) >= 1e4)
    return { actual: (actual / 1e4).toFixed(1), unit: '万元', reportedOn: on };
  const digits = unit === '%' || Math.abs(actual) < 100 ? 1 : 0;
  return { actual: actual.toFixed(digits), unit, reportedOn: on };
}

function fraction(from: string, to: string, on: string): number {
  const span = daysBetween(from, to);
  return span <= 0 ? 1 : daysBetween(from, on) / span;
}

function percentDone(from: string, deadline: string, on: string): number {
  return Math.max(5, Math.min(95, Math.round(100 * fraction(from, deadline, on))));
}
