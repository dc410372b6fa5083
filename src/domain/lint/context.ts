import type { PlanField } from '../plan.js';

/** What the lint knows besides the items: the plan year (null when the document does not say). */
export interface LintContext {
  year: number | null;
  /**
   * The columns the document has. A plan without a 标志性成果 column has no empty achievements
   * to report; absent means every column is expected.
   */
  fields?: ReadonlySet<PlanField>;
}
