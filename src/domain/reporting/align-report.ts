import { ValidationError } from '../errors.js';
import type { ItemReport, TargetReport } from './progress.js';
import { convertValue } from './unit-conversion.js';

/**
 * A report's entries are by position against the plan version it was written for. After a
 * re-import the current item may list its milestones, targets and achievements differently
 * (one added, one removed, the order changed), so an accepted report is carried over to the
 * current item by what its entries are about, not by where they stood:
 *
 * - a milestone by its deadline and text, else by its text alone (a postponed milestone keeps
 *   what was reported about it);
 * - a target by its deadline, metric and figure as written, else by metric and figure alone;
 * - a landmark achievement by its text;
 * - each old entry is used at most once; an entry whose subject no longer exists is dropped, and
 *   a new subject starts unreported (null).
 *
 * Whatever the version, a target actual that cannot be converted to the current target's unit
 * (the re-import changed the unit) is dropped too: a report must never make the status engine
 * throw.
 */

/** What an item lists, as far as reports refer to it (the plan's Item satisfies it). */
export interface ReportSubjects {
  milestones: readonly { deadline: string; text: string }[];
  targets: readonly { metric: string; text: string; deadline: string | null; unit: string }[];
  achievements: readonly string[];
}

/**
 * `report` written against `written` (the item in the report's plan version), re-indexed onto
 * `current`. `written` null means the same version: positions are kept as they are.
 */
export function alignReport(
  report: ItemReport,
  written: ReportSubjects | null,
  current: ReportSubjects,
): ItemReport {
  const milestones = written
    ? pick(
        report.milestones,
        match(
          written.milestones,
          current.milestones,
          (m) => `${m.deadline}\u0000${m.text}`,
          (m) => m.text,
        ),
      )
    : resize(report.milestones, current.milestones.length);
  const targets = written
    ? pick(
        report.targets,
        match(
          written.targets,
          current.targets,
          (t) => `${t.deadline ?? ''}\u0000${t.metric}\u0000${t.text}`,
          (t) => `${t.metric}\u0000${t.text}`,
        ),
      )
    : resize(report.targets, current.targets.length);
  const achievements = written
    ? pick(
        report.achievements,
        match(
          written.achievements,
          current.achievements,
          (a) => a,
          () => null,
        ),
      )
    : resize(report.achievements, current.achievements.length);
  return {
    milestones,
    targets: targets.map((t, i) => (t && convertsTo(t, current.targets[i]!.unit) ? t : null)),
    achievements,
  };
}

/**
 * For each current subject, the index of the written subject it continues (or null): exact keys
 * first over the whole list, then the looser key for what is left, each written subject once.
 */
function match<W, C>(
  written: readonly W[],
  current: readonly C[],
  exact: (s: W | C) => string,
  loose: (s: W | C) => string | null,
): (number | null)[] {
  const out: (number | null)[] = current.map(() => null);
  const used = new Set<number>();
  for (const key of [exact, loose]) {
    const free = new Map<string, number[]>();
    written.forEach((w, i) => {
      const k = key(w);
      if (used.has(i) || k === null) return;
      free.set(k, [...(free.get(k) ?? []), i]);
    });
    current.forEach((c, j) => {
      if (out[j] !== null) return;
      const k = key(c);
      const candidates = k === null ? undefined : free.get(k);
      const i = candidates?.shift();
      if (i === undefined) return;
      out[j] = i;
      used.add(i);
    });
  }
  return out;
}

function pick<T>(entries: readonly (T | null)[], from: readonly (number | null)[]): (T | null)[] {
  return from.map((i) => (i === null ? null : (entries[i] ?? null)));
}

function resize<T>(entries: readonly (T | null)[], length: number): (T | null)[] {
  // A plain loop: Array.from over an array-like was a tenth of loading a ledger (issue 9).
  const out = new Array<T | null>(length);
  for (let i = 0; i < length; i++) out[i] = entries[i] ?? null;
  return out;
}

function convertsTo(t: TargetReport, unit: string): boolean {
  try {
    convertValue(t.actual, t.unit, unit);
    return true;
  } catch (e) {
    if (e instanceof ValidationError) return false;
    throw e;
  }
}
