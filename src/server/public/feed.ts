import { markup, raw } from './html.js';
import type { PeriodEntry } from './pages.js';
import { dateText, periodLabel, tr, urls, withLang, type View } from './view.js';

/**
 * The Atom feed (RFC 4287) of the org's published periods, newest first: one entry per period,
 * updated when it is republished. Addresses are absolute (feed readers need them). The escaper of
 * the HTML pages serves XML too: it escapes the five characters XML reserves.
 */
export function atomFeed(v: View, periods: readonly PeriodEntry[]): string {
  const abs = (path: string) => `${v.origin}${path}`;
  const updated = periods.reduce(
    (max, p) => (p.publishedAt > max ? p.publishedAt : max),
    '1970-01-01T00:00:00.000Z',
  );
  const title = v.orgName ? tr(v, 'public.feedTitle', { org: v.orgName }) : tr(v, 'public.siteNoOrg');
  return markup`${raw('<?xml version="1.0" encoding="utf-8"?>')}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${v.locale}">
<title>${title}</title>
<id>${abs(withLang(v, `/public/${encodeURIComponent(v.orgId)}/`))}</id>
<link rel="self" type="application/atom+xml" href="${abs(urls.feed(v))}"/>
<link rel="alternate" type="text/html" href="${abs(urls.home(v))}"/>
<updated>${updated}</updated>
<author><name>${v.orgName || title}</name></author>
${periods.map((p) => entry(v, p, abs))}</feed>
`.text;
}

function entry(v: View, p: PeriodEntry, abs: (path: string) => string) {
  const href = abs(urls.period(v, p.period));
  const summary = tr(v, 'public.summary', { date: dateText(v, p.content.asOf), ...p.content.counts });
  return markup`<entry>
<title>${tr(v, 'public.feedEntry', { period: periodLabel(v, p.period) })}</title>
<id>${href}</id>
<link rel="alternate" type="text/html" href="${href}"/>
<updated>${p.publishedAt}</updated>
<summary>${summary}</summary>
</entry>
`;
}
