import { ValidationError } from '../domain/errors.js';
import type { Locale } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { pageAudit } from '../store/audit.repository.js';
import { AUDIT_MAX_EXPORT_ROWS, type AuditFilters } from '../shared/api/audit.js';
import { writeAuditXlsx } from '../writers/audit-xlsx.writer.js';
import { auditFilterOf } from './browse-audit.service.js';

/**
 * GET /audit/export.xlsx: every row matching the filters (no paging). Past AUDIT_MAX_EXPORT_ROWS
 * the export is refused: an audit extract that silently stops would look complete.
 */
export async function exportAudit(
  db: Db,
  orgId: string,
  filters: AuditFilters,
  timeZone: string,
  locale: Locale,
): Promise<Buffer> {
  const { rows, total } = await pageAudit(db.kysely, db.dialect, orgId, auditFilterOf(filters, timeZone), {
    offset: 0,
    limit: AUDIT_MAX_EXPORT_ROWS,
  });
  if (total > AUDIT_MAX_EXPORT_ROWS) {
    throw new ValidationError('error.audit_export_too_large', { total, max: AUDIT_MAX_EXPORT_ROWS });
  }
  return writeAuditXlsx(rows, locale, timeZone);
}
