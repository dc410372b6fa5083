import type { Finding, Plan } from '../domain/plan.js';
import { FINDING_CODES } from '../domain/plan.js';
import { t, type Locale } from '../i18n/index.js';

/** Findings for people: a summary line, then one block per code, each finding with its item and quote. */
export function formatFindings(plan: Plan, locale: Locale): string {
  const count = (s: Finding['severity']) => plan.findings.filter((f) => f.severity === s).length;
  const lines = [
    t(locale, 'cli.lint.header', {
      title: plan.title || '—',
      items: plan.items.length,
      findings: plan.findings.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    }),
  ];
  if (plan.findings.length === 0) lines.push(t(locale, 'cli.lint.none'));
  for (const code of FINDING_CODES) {
    const group = plan.findings.filter((f) => f.code === code);
    if (group.length === 0) continue;
    lines.push('', t(locale, 'cli.lint.code', { code, count: group.length }));
    for (const f of group) {
      const where =
        f.item === null ? t(locale, 'cli.lint.plan') : t(locale, 'cli.lint.item', { item: f.item });
      const field = f.field ? ` ${t(locale, `field.${f.field}`)}` : '';
      const severity = t(locale, `severity.${f.severity}`);
      lines.push(`  [${severity}] ${where}${field}${locale === 'zh-CN' ? '：' : ': '}${f.message}`);
      if (f.excerpt) lines.push(`      “${f.excerpt}”`);
    }
  }
  return `${lines.join('\n')}\n`;
}
