import type { TargetOp } from '../plan.js';
import {
  achievementStatus,
  milestoneStatus,
  targetStatus,
  worst,
  type AchievementProgress,
  type MilestoneProgress,
  type Rag,
  type StatusOptions,
  type StatusResult,
  type TargetProgress,
} from './status.js';

/** What the engine needs of an item: the plan's Item satisfies it. */
export interface StatusInput {
  milestones: readonly { deadline: string; text: string }[];
  targets: readonly { op: TargetOp; value: number | null; deadline: string | null }[];
  /** Landmark achievements (标志性成果), expected by the item's last milestone deadline. */
  achievements?: readonly unknown[];
}

/** Progress of one item, by position of the milestone / target (issue 7 fills it from reports). */
export interface ItemProgress {
  milestones?: readonly (MilestoneProgress | undefined)[];
  targets?: readonly (TargetProgress | undefined)[];
  achievements?: readonly (AchievementProgress | undefined)[];
}

export interface NextDeadline {
  deadline: string;
  text: string;
  status: Rag;
}

export interface ItemStatus {
  status: Rag;
  milestones: StatusResult[];
  targets: StatusResult[];
  /** One per landmark achievement: done when reached; until then the item cannot be done. */
  achievements: StatusResult[];
  /** The earliest milestone not done whose deadline is asOf or later; null when none is left. */
  next: NextDeadline | null;
}

/**
 * An item is the worst of its milestones, targets and landmark achievements, and done only when
 * all of them are: every milestone done, every target met, every achievement reached. Without
 * progress an achievement follows the calendar of the item's last milestone, so it never changes
 * the status the calendar alone gives.
 */
export function itemStatus(item: StatusInput, opts: StatusOptions, progress?: ItemProgress): ItemStatus {
  const milestones = item.milestones.map((m, i) => milestoneStatus(m, opts, progress?.milestones?.[i]));
  const targets = item.targets.map((t, i) => targetStatus(t, opts, progress?.targets?.[i]));
  const dueBy = lastDeadline(item.milestones);
  const achievements = (item.achievements ?? []).map((_, i) =>
    achievementStatus(dueBy, opts, progress?.achievements?.[i]),
  );
  let next: NextDeadline | null = null;
  for (const [i, m] of item.milestones.entries()) {
    const s = milestones[i]!.status;
    if (s === 'done' || m.deadline < opts.asOf) continue;
    if (next === null || m.deadline < next.deadline) next = { deadline: m.deadline, text: m.text, status: s };
  }
  return {
    status: worst([...milestones, ...targets, ...achievements].map((r) => r.status)),
    milestones,
    targets,
    achievements,
    next,
  };
}

function lastDeadline(milestones: readonly { deadline: string }[]): string | null {
  let last: string | null = null;
  for (const m of milestones) if (last === null || m.deadline > last) last = m.deadline;
  return last;
}
