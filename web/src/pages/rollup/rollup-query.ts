/** The roll-up's scope toggle, kept in the URL (`?scope=counties`) so a view is a link. */
export type RollupScope = 'children' | 'counties';

export function scopeOf(params: URLSearchParams): RollupScope {
  return params.get('scope') === 'counties' ? 'counties' : 'children';
}

/** GET /api/rollup's query for a scope: every county below, or one row per direct child. */
export function scopeQuery(scope: RollupScope): { scope: 'children' | 'descendants'; type?: 'county' } {
  return scope === 'counties' ? { scope: 'descendants', type: 'county' } : { scope: 'children' };
}
