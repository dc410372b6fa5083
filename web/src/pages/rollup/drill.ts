/** Links into an org's own pages (drill-down, issue 9): the org in `?org=`, the as-of date kept. */
import { withOrg } from '../../app/org-context';

export function drillLink(
  orgId: string,
  path: string,
  query: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const q = params.toString();
  return withOrg(q ? `${path}?${q}` : path, orgId);
}

/** An item of another org: its page by number, else the org's list searched for its title. */
export function itemDrillLink(
  orgId: string,
  item: { number: number | null; title: string },
  asOf: string,
): string {
  return item.number === null
    ? drillLink(orgId, '/items', { q: item.title, asOf })
    : drillLink(orgId, `/items/${item.number}`, { asOf });
}
