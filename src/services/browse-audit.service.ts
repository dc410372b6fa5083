import type { Db } from '../store/database.js';
import {
  auditEntityKinds,
  pageAudit,
  type AuditFilter,
  type AuditRecord,
} from '../store/audit.repository.js';
import {
  AUDIT_DEFAULT_PAGE_SIZE,
  type AuditEntitiesDto,
  type AuditEntryDto,
  type AuditFilters,
  type AuditPageDto,
  type AuditQuery,
} from '../shared/api/audit.js';

/**
 * GET /audit and GET /audit/entities: the admin's view of the org's audit log. The filters of
 * the HTTP contract become a repository filter here; the only translation is time: the log
 * stores UTC instants, while a date in a filter is a day where the office is.
 */

export async function browseAudit(
  db: Db,
  orgId: string,
  query: AuditQuery,
  timeZone: string,
): Promise<AuditPageDto> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? AUDIT_DEFAULT_PAGE_SIZE;
  const { rows, total } = await pageAudit(db.kysely, db.dialect, orgId, auditFilterOf(query, timeZone), {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { entries: rows.map(toAuditEntry), total, page, pageSize, timeZone };
}

export async function listAuditEntities(db: Db, orgId: string): Promise<AuditEntitiesDto> {
  return { entities: await auditEntityKinds(db.kysely, orgId) };
}

export function toAuditEntry(r: AuditRecord): AuditEntryDto {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  };
}

/**
 * `from` and `to` are inclusive: a date covers its whole local day (to=2022-06-30 keeps rows
 * until the start of 1 July in Sanmen, i.e. 2022-06-30T16:00Z); a timestamp is that instant.
 */
export function auditFilterOf(f: AuditFilters, timeZone: string): AuditFilter {
  return {
    entity: f.entity,
    entityId: f.entityId,
    actor: f.actor,
    action: f.action,
    text: f.q,
    atFrom: f.from === undefined ? undefined : instantOf(f.from, timeZone, 0).toISOString(),
    atBefore: f.to === undefined ? undefined : instantOf(f.to, timeZone, 1).toISOString(),
  };
}

/** A bound as an instant: a date's local midnight (`days` later), a timestamp (plus 1 ms for `to`). */
function instantOf(bound: string, timeZone: string, days: 0 | 1): Date {
  if (bound.length === 10) return startOfLocalDay(bound, timeZone, days);
  return new Date(Date.parse(bound) + days);
}

/**
 * The first instant of a calendar day in a time zone: local midnight is UTC midnight minus the
 * zone's offset, taken at that moment (a second pass settles a day on which the offset changes).
 */
export function startOfLocalDay(date: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + plusDays);
  let t = utcMidnight - offsetAt(utcMidnight, timeZone);
  t = utcMidnight - offsetAt(t, timeZone);
  return new Date(t);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (+8 h in Shanghai). */
function offsetAt(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}
