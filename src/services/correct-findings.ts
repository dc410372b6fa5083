import { renderFinding } from '../domain/finding.js';
import { lintItems } from '../domain/lint/index.js';
import { changedFields } from '../domain/plan-diff.js';
import type { Finding, Item, Plan, PlanField } from '../domain/plan.js';
import type { Locale } from '../i18n/index.js';

/**
 * The findings of a plan after the admin corrected items in the preview. Findings of items left
 * as parsed still describe them and are kept (including what only extraction can see, such as an
 * inferred number); a corrected item's findings are recomputed by the lint over the corrected
 * plan, so a fixed blank no longer shows and a new problem does. Plan-level findings are kept.
 */
export function findingsAfterCorrection(parsed: Plan, corrected: Item[], locale: Locale): Finding[] {
  const before = new Map(parsed.items.map((i) => [i.number, i]));
  const touched = new Set(
    corrected
      .filter((i) => {
        const old = before.get(i.number);
        return !old || changedFields(old, i).length > 0;
      })
      .map((i) => i.number),
  );
  const remaining = new Set(corrected.map((i) => i.number));
  const kept = parsed.findings.filter(
    (f) => f.item === null || (remaining.has(f.item) && !touched.has(f.item)),
  );
  const fields = parsed.columns
    ? new Set(parsed.columns.map((c) => c.field).filter((f): f is PlanField => f !== 'extra'))
    : undefined;
  const fresh = lintItems(corrected, { year: parsed.year, ...(fields ? { fields } : {}) })
    .filter((d) => d.item !== null && touched.has(d.item))
    .map((d) => renderFinding(d, locale));
  return [...kept, ...fresh];
}
