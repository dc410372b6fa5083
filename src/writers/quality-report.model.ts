import { FINDING_CODES, type Finding, type FindingCode, type Plan, type Severity } from '../domain/plan.js';
import { renderFinding } from '../domain/finding.js';
import { t, type Locale } from '../i18n/index.js';

/**
 * What the plan-quality report says, once, for both writers (.docx and .xlsx): the findings
 * grouped by code and by item, each with its item's title and its message in the report's
 * locale. The writers only lay this out.
 */

export interface ReportFinding {
  finding: Finding;
  /** The title of the item the finding is about ("" for plan-level findings or unknown items). */
  itemTitle: string;
  /** The message in the report's locale. */
  message: string;
}

export interface CodeGroup {
  code: FindingCode;
  findings: ReportFinding[];
}

export interface ItemGroup {
  /** null: findings about the plan as a whole. */
  item: number | null;
  title: string;
  findings: ReportFinding[];
  counts: Partial<Record<FindingCode, number>>;
}

export interface ReportModel {
  /** The plan's title, or the catalogue's word for an untitled plan. */
  title: string;
  items: number;
  total: number;
  bySeverity: Record<Severity, number>;
  /** In the order of FINDING_CODES; codes without findings are left out. */
  byCode: CodeGroup[];
  /** Plan-level first, then by item number. */
  byItem: ItemGroup[];
}

export function buildReportModel(plan: Plan, locale: Locale): ReportModel {
  const titles = new Map<number, string>();
  for (const it of plan.items)
    if (it.number !== null && !titles.has(it.number)) titles.set(it.number, it.title);
  const all: ReportFinding[] = plan.findings.map((f) => ({
    finding: f,
    itemTitle: f.item === null ? '' : (titles.get(f.item) ?? ''),
    message: localMessage(f, locale),
  }));
  // Stable sort: plan-level findings first, then by item, keeping the rules' order within an item.
  const ordered = [...all].sort((a, b) => itemOrder(a.finding.item) - itemOrder(b.finding.item));

  const byCode = FINDING_CODES.map((code) => ({
    code,
    findings: ordered.filter((r) => r.finding.code === code),
  })).filter((g) => g.findings.length > 0);

  const byItemMap = new Map<number | null, ItemGroup>();
  for (const r of ordered) {
    const key = r.finding.item;
    let g = byItemMap.get(key);
    if (!g) byItemMap.set(key, (g = { item: key, title: r.itemTitle, findings: [], counts: {} }));
    g.findings.push(r);
    g.counts[r.finding.code] = (g.counts[r.finding.code] ?? 0) + 1;
  }

  const count = (s: Severity) => plan.findings.filter((f) => f.severity === s).length;
  return {
    title: plan.title.trim() || t(locale, 'report.untitled'),
    items: plan.items.length,
    total: plan.findings.length,
    bySeverity: { error: count('error'), warning: count('warning'), info: count('info') },
    byCode,
    byItem: [...byItemMap.values()],
  };
}

/** Plan-level (null) sorts before item 1. */
function itemOrder(item: number | null): number {
  return item ?? Number.NEGATIVE_INFINITY;
}

/**
 * The message in the report's locale. The stored message was rendered in the locale of the
 * parse, which need not be the report's; re-render it from code, variant and params when they
 * are all there, else keep what was stored (a plan from elsewhere may lack params).
 */
function localMessage(f: Finding, locale: Locale): string {
  const rendered = renderFinding(f, locale).message;
  return /\{\w+\}/.test(rendered) && !/\{\w+\}/.test(f.message) ? f.message : rendered;
}

/** "第 30 项“…”", "第 30 项" or "全表": where a finding is. */
export function whereLabel(locale: Locale, r: ReportFinding): string {
  const item = r.finding.item;
  if (item === null) return t(locale, 'report.where.plan');
  return r.itemTitle
    ? t(locale, 'report.where.item', { item, title: r.itemTitle })
    : t(locale, 'report.where.itemNoTitle', { item });
}

export const codeName = (locale: Locale, code: FindingCode): string => t(locale, `report.code.${code}`);
