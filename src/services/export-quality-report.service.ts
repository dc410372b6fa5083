import { NotFoundError } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import { t, type Locale } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import { loadFindings } from '../store/findings.repository.js';
import { getVersion } from '../store/plans.repository.js';
import { writeQualityReportDocx } from '../writers/quality-report.docx.js';
import { writeQualityReportXlsx } from '../writers/quality-report.xlsx.js';
import type { Ledger } from './ledger.service.js';

/**
 * The plan-quality report (规范性检查报告) of the org's current plan, for the web app's download
 * buttons: the same writers as `reform-ledger lint --out`, fed the plan as stored at import (its
 * items and the findings found then) instead of a freshly parsed document.
 */

export type QualityReportFormat = 'docx' | 'xlsx';

export interface QualityReportFile {
  bytes: Uint8Array;
  fileName: string;
}

const WRITERS: Record<QualityReportFormat, (plan: Plan, locale: Locale) => Promise<Uint8Array>> = {
  docx: writeQualityReportDocx,
  xlsx: writeQualityReportXlsx,
};

export async function exportQualityReport(
  db: Db,
  ledger: Ledger,
  format: QualityReportFormat,
  locale: Locale,
): Promise<QualityReportFile> {
  const plan = await storedPlan(db, ledger);
  const bytes = await WRITERS[format](plan, locale);
  return { bytes, fileName: `${t(locale, 'report.file')}.${format}` };
}

/** The current version as a `Plan`: what parse gave at import, as far as the writers need it. */
export async function storedPlan(db: Db, ledger: Ledger): Promise<Plan> {
  const ref = ledger.plan;
  if (!ref) throw new NotFoundError('error.quality_report_no_plan');
  const [findings, version] = await Promise.all([
    loadFindings(db.kysely, ledger.orgId, ref.versionId),
    getVersion(db.kysely, ledger.orgId, ref.versionId),
  ]);
  const plan: Plan = {
    title: ref.title,
    year: ref.year,
    items: ledger.items.map((e) => e.item),
    findings,
  };
  if (version?.columns) plan.columns = version.columns;
  if (version?.source) plan.source = version.source;
  return plan;
}
