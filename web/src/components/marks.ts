import type { Milestone, Target } from '../api/types';
import type { Mark } from './HighlightedText';

/** The phrases to mark in a row's text: each milestone's date phrase and each target as written. */
export function marksOf(item: {
  milestones: Pick<Milestone, 'phrase' | 'deadline' | 'source'>[];
  targets: Pick<Target, 'text' | 'source' | 'metric'>[];
}): (Mark & { source: string })[] {
  return [
    ...item.milestones.map((m) => ({
      text: m.phrase,
      kind: 'deadline' as const,
      title: m.deadline,
      source: m.source,
    })),
    ...item.targets.map((tg) => ({
      text: tg.text,
      kind: 'target' as const,
      title: tg.metric,
      source: tg.source,
    })),
  ];
}
