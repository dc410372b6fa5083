/**
 * Colours of the charts, shared by the web app and the server-rendered bulletin so that a status
 * has one colour wherever it is drawn. Pure data: importable from the browser and from Node.
 */

export type ChartStatus = 'red' | 'yellow' | 'green' | 'done';

/** Fill colours of the three-colour warning (三色预警) plus done. */
export const STATUS_COLOR: Record<ChartStatus, string> = {
  red: '#d9363e',
  yellow: '#e8a317',
  green: '#3f9c35',
  done: '#4a6fa5',
};

/** Worst first: the order in which statuses are listed and stacked. */
export const STATUS_ORDER: readonly ChartStatus[] = ['red', 'yellow', 'green', 'done'];

/** A unit's role in an item: the lead (牵头) in the office's red, co-units (配合) lighter. */
export const ROLE_COLOR = { lead: '#b7202e', co: '#e7a4a9' } as const;

/** An ECharts option as plain data (no functions): the same object renders in a browser and in Node. */
export type ChartOption = Record<string, unknown>;
