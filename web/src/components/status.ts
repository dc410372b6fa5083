import type { Status } from '../api/types';

/** Fill colours of the three-colour warning (三色预警) plus done, shared by tags, charts and the timeline. */
export const STATUS_COLOR: Record<Status, string> = {
  red: '#d9363e',
  yellow: '#e8a317',
  green: '#3f9c35',
  done: '#4a6fa5',
};

/** Worst first: the order in which statuses are listed and stacked. */
export const STATUS_ORDER: readonly Status[] = ['red', 'yellow', 'green', 'done'];
