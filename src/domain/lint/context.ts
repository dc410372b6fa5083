/** What the lint knows besides the items: the plan year (null when the document does not say). */
export interface LintContext {
  year: number | null;
}
