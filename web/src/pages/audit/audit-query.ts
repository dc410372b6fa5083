/** The audit page's filters and page live in the URL query: a filtered view is a link. */
import type { AuditAction } from '../../api/types';

export const ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete'];
export const DEFAULT_PAGE_SIZE = 50;
export const PAGE_SIZES = [20, 50, 100, 200];

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: AuditAction;
  /** Days (YYYY-MM-DD) where the office is; the server turns them into instants. */
  from?: string;
  to?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const s = (k: string) => params.get(k)?.trim() || undefined;
  const n = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const action = s('action');
  const day = (k: string) => {
    const v = s(k);
    return v && DAY.test(v) ? v : undefined;
  };
  const pageSize = n('pageSize');
  return {
    entity: s('entity'),
    entityId: s('entityId'),
    actor: s('actor'),
    action: ACTIONS.find((a) => a === action),
    from: day('from'),
    to: day('to'),
    q: s('q'),
    page: n('page'),
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : undefined,
  };
}

/** Query object for the API and the URL: empty values left out. */
export function auditQuery(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '') continue;
    out[k] = String(v);
  }
  return out;
}
