import type { TargetOp } from '../plan.js';
import {
  milestoneStatus,
  targetStatus,
  worst,
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
}

/** Progress of one item, by position of the milestone / target (issue 7 fills it from reports). */
export interface ItemProgress {
  milestones?: readonly (MilestoneProgress | undefined)[];
  targets?: readonly (TargetProgress | undefined)[];
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
  /** The earliest milestone not done whose deadline is asOf or later; null when none is left. */
  next: NextDeadline | null;
}

/** An item is the worst of its milestones and targets, and done when all of them are. */
export function itemStatus(item: StatusInput, opts: StatusOptions, progress?: ItemProgress): ItemStatus {
  const milestones = item.milestones.map((m, i) => milestoneStatus(m, opts, progress?.milestones?.[i]));
  const targets = item.targets.map((t, i) => targetStatus(t, opts, progress?.targets?.[i]));
  let next: NextDeadline | null = null;
  for (const [i, m] of item.milestones.entries()) {
    const s = milestones[i]!.status;
    if (s === 'done' || m.deadline < opts.asOf) continue;
    if (next === null || m.deadline < next.deadline) next = { deadline: m.deadline, text: m.text, status: s };
  }
  return {
    status: worst([...milestones, ...targets].map((r) => r.status)),
    milestones,
    targets,
    next,
  };
}
