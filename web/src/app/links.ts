/**
 * The list's filters live in the URL query, so every view is a link: the dashboard builds
 * links to it, the list reads and writes it, the export sends the same query to the server.
 */
import type { Status } from '../api/types';

export interface ItemFilters {
  q?: string;
  unit?: string;
  role?: 'lead' | 'co';
  key?: boolean;
  status?: Status;
  quarter?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  asOf?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const STATUS = new Set(['red', 'yellow', 'green', 'done']);

export function parseFilters(params: URLSearchParams): ItemFilters {
  const s = (k: string) => params.get(k) || undefined;
  const n = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const role = s('role');
  const order = s('order');
  const status = s('status');
  return {
    q: s('q'),
    unit: s('unit'),
    role: role === 'lead' || role === 'co' ? role : undefined,
    key: params.get('key') === 'true' || params.get('key') === '1' ? true : undefined,
    status: status && STATUS.has(status) ? (status as Status) : undefined,
    quarter: s('quarter'),
    deadlineFrom: s('deadlineFrom'),
    deadlineTo: s('deadlineTo'),
    asOf: s('asOf'),
    sort: s('sort'),
    order: order === 'asc' || order === 'desc' ? order : undefined,
    page: n('page'),
    pageSize: n('pageSize'),
  };
}

/** Query object for the API and the URL: empty values left out. */
export function filterQuery(f: ItemFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || v === false) continue;
    out[k] = String(v);
  }
  return out;
}

export function itemsLink(f: ItemFilters): string {
  const q = new URLSearchParams(filterQuery(f)).toString();
  return q ? `/items?${q}` : '/items';
}
