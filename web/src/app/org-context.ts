/**
 * Whose ledger the pages show (issue 9): the signed-in user's own org, or — for a city or the
 * province with the read-below grant — an org below it, read-only. The org is `?org=<id>` in the
 * URL (so a view is a link), kept across navigation by OrgScope, and held here for the API client,
 * which adds it to every read of the ledger (client.ts) — one place, not one per page.
 *
 * Only the ledger's pages take part (ORG_PAGES); the office's own pages (users, audit, reminders,
 * to-do, import…) always show the user's own org, so going to one leaves the view of another.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function fromLocation(): string | null {
  // Outside a browser (the tests of this file) there is no location.
  const search = (globalThis as { location?: { search: string } }).location?.search ?? '';
  return new URLSearchParams(search).get('org') || null;
}

// Read at load, so the requests started before React renders (prefetch) already carry it.
let viewed: string | null = fromLocation();

/** The org being viewed; null: the user's own. */
export function viewedOrgId(): string | null {
  return viewed;
}

/**
 * Sets the viewed org. `quiet`: during a render (OrgScope decides before the page renders, so the
 * page's first request already names the org); the subscribers are told after the commit.
 */
export function setViewedOrg(id: string | null, opts: { quiet?: boolean } = {}): void {
  if (id === viewed) return;
  viewed = id;
  if (!opts.quiet) notifyViewedOrg();
}

export function notifyViewedOrg(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useViewedOrgId(): string | null {
  return useSyncExternalStore(subscribe, viewedOrgId);
}

/**
 * The API's read routes that take `?org=`: the ledger (dashboard, trend, items, the .xlsx/.docx
 * downloads, units, timeline, findings, scoreboard, bulletins), its reports read-only (an item's
 * reports, a report, its evidence, the org's settings) and the roll-up. Everything else is the
 * user's own org's — to-do, users, audit, reminders, notifications — and the server refuses
 * `org` there (400).
 */
const ORG_API: readonly RegExp[] = [
  /^\/(dashboard|items|units|timeline|findings|scoreboard|bulletins|rollup|snapshots|evidence)(\/|\.|$)/,
  /^\/ledger\.xlsx$/,
  /^\/org$/,
  /^\/reports(\/(?!todo$)|$)/,
];

/** The org to add to a request, if any: only reads of the ledger while viewing another org. */
export function orgForRequest(method: string, path: string): string | undefined {
  if (viewed === null || (method !== 'GET' && method !== 'HEAD')) return undefined;
  return ORG_API.some((r) => r.test(path)) ? viewed : undefined;
}

/** The web app's pages that show the viewed org (the ledger's pages, a report, the roll-up). */
const ORG_PAGES =
  /^\/($|items(\/|$)|units(\/|$)|timeline$|findings$|scoreboard$|bulletins$|rollup(\/|$)|reports\/[^/]+\/[^/]+$)/;

export function isOrgPage(pathname: string): boolean {
  return ORG_PAGES.test(pathname);
}

/** `href` with `?org=` set (or removed, for null), the rest of its query kept. */
export function withOrg(href: string, org: string | null): string {
  const [path = '', query = ''] = href.split('?', 2);
  const params = new URLSearchParams(query);
  if (org) params.set('org', org);
  else params.delete('org');
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}
