import { z } from 'zod';
import { isoDate, optionalParam } from './common.js';

/**
 * The audit log (审计日志, issue 7): every write, who made it, when, and the record before → after.
 * Read-only over HTTP; only the admin may read it.
 */

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditActionDto = z.infer<typeof auditActionSchema>;

export const AUDIT_DEFAULT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;
/** Rows one export may hold; a wider filter is refused rather than cut off silently. */
export const AUDIT_MAX_EXPORT_ROWS = 20_000;

/**
 * A bound of the time filter: a date (YYYY-MM-DD) is a calendar day where the office is (the
 * server's TIME_ZONE, Asia/Shanghai by default) — `from` its first instant, `to` its last, so
 * from=to=2022-06-30 is that whole day in Sanmen; or an ISO timestamp with an offset or Z,
 * taken as that instant (inclusive at both ends).
 */
export const auditTimeBoundSchema = z
  .union([isoDate, z.iso.datetime({ offset: true })])
  .describe('YYYY-MM-DD (a day in the org time zone) or an ISO timestamp with offset');

/** Filters of GET /audit and GET /audit/export.xlsx. Empty values (`q=`) count as absent. */
export const auditFiltersSchema = z.object({
  /** Entity kind: `unit`, `user`, `report` … (GET /audit/entities lists those in the log). */
  entity: optionalParam(z.string().trim().min(1).max(50)),
  entityId: optionalParam(z.string().trim().min(1).max(200)),
  /** Username of who made the change (exact). */
  actor: optionalParam(z.string().trim().min(1).max(100)),
  action: optionalParam(auditActionSchema),
  from: optionalParam(auditTimeBoundSchema),
  to: optionalParam(auditTimeBoundSchema),
  /** Text in the entity id or anywhere in the record before or after. */
  q: optionalParam(z.string().trim().min(1).max(100)),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditQuerySchema = auditFiltersSchema.extend({
  page: optionalParam(z.coerce.number().int().min(1)),
  pageSize: optionalParam(z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string(),
    /** ISO timestamp (UTC). */
    at: z.string(),
    actor: z.string(),
    action: auditActionSchema,
    entity: z.string(),
    entityId: z.string(),
    /** The record (or the changed fields) before the write; null for a create. */
    before: z.unknown(),
    /** … and after it; null for a delete. */
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Where the office is (the server's TIME_ZONE): dates in the filters are days there. */
  timeZone: z.string(),
});
export type AuditPageDto = z.infer<typeof auditPageSchema>;

export const auditEntitiesSchema = z.object({ entities: z.array(z.string()) });
export type AuditEntitiesDto = z.infer<typeof auditEntitiesSchema>;
