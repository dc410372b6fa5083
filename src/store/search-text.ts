/**
 * What text search looks through for an item, as one string. NFKC folds full-width letters and
 * digits (５Ｇ → 5G) so the search matches however the document typed them; the query is folded
 * the same way (see likePattern). Shared by the importer and migration 002's backfill.
 */
export interface SearchableItem {
  title: string;
  goalsText: string;
  measures: readonly string[];
  achievements: readonly string[];
  /** Each unit as written in the item and its canonical name. */
  unitNames: readonly string[];
}

export function searchTextOf(i: SearchableItem): string {
  const units = [...new Set(i.unitNames)];
  return [i.title, ...i.measures, i.goalsText, ...i.achievements, ...units].join('\n').normalize('NFKC');
}

/** `%term%` with LIKE's wildcards escaped (ESCAPE '\'): searching "100%" finds "100%", not "100…". */
export function likePattern(term: string): string {
  return `%${term.normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
