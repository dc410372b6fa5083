import type { PublishingOrg } from '../../store/publications.repository.js';
import { markup } from './html.js';
import { layout } from './layout.js';
import { periodLabel, tr, urls, type View } from './view.js';

/**
 * /public/: the orgs that have something public now — what a citizen sees at the portal's own
 * address when it serves a city or a province of several counties.
 */
export function directoryPage(v: View, orgs: readonly PublishingOrg[]): string {
  const list = orgs.length
    ? markup`<ul class="cards">
        ${orgs.map(
          (o) =>
            markup`<li>
              <a class="title" href="${urls.home({ ...v, orgId: o.id, orgName: o.name })}"
                >${tr(v, 'public.site', { org: o.name })}</a
              >
              <span class="meta"
                >${tr(v, 'public.directory.latest', { period: periodLabel(v, o.latestPeriod) })}</span
              >
            </li>`,
        )}
      </ul>`
    : markup`<p>${tr(v, 'public.periodsNone')}</p>`;
  const body = markup`<h1>${tr(v, 'public.siteNoOrg')}</h1>
    <p>${tr(v, 'public.directory.intro')}</p>
    <h2>${tr(v, 'public.directory.heading')}</h2>
    ${list}`;
  return layout(v, { title: tr(v, 'public.siteNoOrg'), path: '/public/', crumbs: [], body });
}
