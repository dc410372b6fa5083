import type { PublicContent, PublicItem } from '../../domain/publication/types.js';
import { RAGS, type Rag } from '../../domain/status/status.js';
import { attr, markup } from './html.js';
import { layout } from './layout.js';
import { dateText, percent, periodLabel, statusBadge, statusText, tr, urls, type View } from './view.js';

/** The public site's pages that list things: the index, a period, its scoreboard, the bulletins. */

export interface PeriodEntry {
  period: string;
  publishedAt: string;
  content: PublicContent;
}

const orgPath = (v: View) => `/public/${encodeURIComponent(v.orgId)}`;

export function indexPage(v: View, periods: readonly PeriodEntry[], hasBulletins: boolean): string {
  const list = periods.length
    ? markup`<ul class="cards">
        ${periods.map(
          (p) =>
            markup`<li>
              <a class="title" href="${urls.period(v, p.period)}"
                >${tr(v, 'public.periodTitle', { period: periodLabel(v, p.period) })}</a
              >
              <span class="meta"
                >${tr(v, 'public.periodLine', { date: dateText(v, p.content.asOf), ...p.content.counts })}</span
              >
              <span class="meta muted"
                >${tr(v, 'public.publishedOn', { date: dateText(v, p.publishedAt) })}</span
              >
            </li>`,
        )}
      </ul>`
    : markup`<p>${tr(v, 'public.periodsNone')}</p>`;
  const body = markup`<h1>${tr(v, 'public.site', { org: v.orgName })}</h1>
    <p>${tr(v, 'public.intro', { org: v.orgName })}</p>
    <h2>${tr(v, 'public.periods')}</h2>
    ${list}
    ${
      hasBulletins
        ? markup`<h2>${tr(v, 'public.bulletins')}</h2>
            <p><a class="more" href="${urls.bulletins(v)}">${tr(v, 'public.bulletinsTitle')}</a></p>`
        : null
    }`;
  return layout(v, { title: tr(v, 'public.home'), path: `${orgPath(v)}/`, crumbs: [], body });
}

export function periodPage(v: View, c: PublicContent, filter: Rag | null): string {
  const label = periodLabel(v, c.period);
  const title = tr(v, 'public.periodTitle', { period: label });
  const shown = filter ? c.items.filter((i) => i.status === filter) : c.items;
  const current = (s: Rag | null) => (s === filter ? 'page' : null);
  const filters = markup`<nav aria-label="${tr(v, 'public.filter')}">
    <ul class="filters">
      <li>
        <a href="${urls.period(v, c.period)}" ${attr('aria-current', current(null))}
          >${tr(v, 'public.filter.all', { n: c.counts.total })}</a
        >
      </li>
      ${RAGS.map(
        (s) =>
          markup`<li>
            <a href="${urls.period(v, c.period, s)}" ${attr('aria-current', current(s))}
              >${tr(v, 'public.filter.status', { label: statusText(v, s), n: c.counts[s] })}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
  const extras = markup`${c.scoreboard ? markup`<p><a class="more" href="${urls.scoreboard(v, c.period)}">${tr(v, 'public.scoreboard')}</a></p>` : null}
  ${
    c.bulletins.length
      ? markup`<h2>${tr(v, 'public.bulletinsOfPeriod')}</h2>
          ${bulletinList(v, c.period, c.bulletins)}`
      : null
  }`;
  const body = markup`<h1>${title}</h1>
    <p>${tr(v, 'public.summary', { date: dateText(v, c.asOf), ...c.counts })}</p>
    ${extras}
    <h2 id="items">
      ${filter ? tr(v, 'public.itemsOf', { label: statusText(v, filter) }) : tr(v, 'public.items')}
    </h2>
    ${filters}
    ${
      shown.length
        ? markup`<ul class="cards">
            ${shown.map((i) => itemCard(v, c.period, i))}
          </ul>`
        : markup`<p>${tr(v, 'public.itemsNone')}</p>`
    }`;
  return layout(v, {
    title: filter ? `${title} - ${statusText(v, filter)}` : title,
    path: `${orgPath(v)}/periods/${c.period}/`,
    query: filter ? { status: filter } : {},
    crumbs: [{ label }],
    body,
  });
}

function itemCard(v: View, period: string, i: PublicItem) {
  const number = i.number === null ? '' : `${tr(v, 'public.number', { n: i.number })} `;
  return markup`<li>
    <a class="title" href="${urls.item(v, period, i.ref)}">${number}${i.title}</a>
    <span class="meta"
      >${statusBadge(v, i.status)}${i.key ? markup` <span class="key">${tr(v, 'public.keyItem')}</span>` : null}
      <span>${tr(v, 'public.leadIs', { unit: i.lead ?? tr(v, 'public.noLead') })}</span></span
    >
  </li>`;
}

export function scoreboardPage(v: View, c: PublicContent): string {
  const label = periodLabel(v, c.period);
  const rows = c.scoreboard ?? [];
  const body = markup`<h1>${tr(v, 'public.scoreboardTitle', { period: label })}</h1>
    <p>${tr(v, 'public.scoreboardIntro', { date: dateText(v, c.asOf) })}</p>
    <ol class="board-cards">
      ${rows.map(
        (r) =>
          markup`<li>
            <p class="title">${tr(v, 'public.rankOf', { rank: r.rank })} · ${r.unit}</p>
            <dl class="facts">
              <dt>${tr(v, 'public.col.score')}</dt>
              <dd>${r.score === null ? tr(v, 'public.noScore') : r.score}</dd>
              <dt>${tr(v, 'public.col.done')}</dt>
              <dd>${percent(v, r.done)}</dd>
              <dt>${tr(v, 'public.col.onTime')}</dt>
              <dd>${percent(v, r.onTime)}</dd>
              <dt>${tr(v, 'public.col.reports')}</dt>
              <dd>${percent(v, r.reports)}</dd>
            </dl>
          </li>`,
      )}
    </ol>
    <div class="table-wrap board-table" role="region" aria-labelledby="board-caption" tabindex="0">
      <table>
        <caption id="board-caption">
          ${tr(v, 'public.scoreboardTable', { period: label })}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${tr(v, 'public.col.rank')}</th>
            <th scope="col">${tr(v, 'public.col.unit')}</th>
            <th scope="col" class="num">${tr(v, 'public.col.score')}</th>
            <th scope="col" class="num">${tr(v, 'public.col.done')}</th>
            <th scope="col" class="num">${tr(v, 'public.col.onTime')}</th>
            <th scope="col" class="num">${tr(v, 'public.col.reports')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              markup`<tr>
                <td class="num">${r.rank}</td>
                <th scope="row">${r.unit}</th>
                <td class="num">${r.score === null ? tr(v, 'public.noScore') : r.score}</td>
                <td class="num">${percent(v, r.done)}</td>
                <td class="num">${percent(v, r.onTime)}</td>
                <td class="num">${percent(v, r.reports)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  return layout(v, {
    title: tr(v, 'public.scoreboardTitle', { period: label }),
    path: `${orgPath(v)}/periods/${c.period}/scoreboard`,
    crumbs: [{ label, href: urls.period(v, c.period) }, { label: tr(v, 'public.scoreboard') }],
    body,
  });
}

function bulletinList(v: View, period: string, list: PublicContent['bulletins']) {
  return markup`<ul class="cards">
    ${list.map(
      (b) =>
        markup`<li>
          <a class="title" href="${urls.docx(v, b.id)}" download
            >${tr(v, 'public.bulletinDownload', { title: b.title })}</a
          >
          <span class="meta muted"
            >${tr(v, 'public.bulletinMeta', { period: periodLabel(v, period), date: dateText(v, b.publishedOn) })}</span
          >
        </li>`,
    )}
  </ul>`;
}

export function bulletinsPage(v: View, periods: readonly PeriodEntry[]): string {
  const withBulletins = periods.filter((p) => p.content.bulletins.length > 0);
  const body = markup`<h1>${tr(v, 'public.bulletinsTitle')}</h1>
    ${
      withBulletins.length
        ? withBulletins.map(
            (p) =>
              markup`<h2>${periodLabel(v, p.period)}</h2>
                ${bulletinList(v, p.period, p.content.bulletins)}`,
          )
        : markup`<p>${tr(v, 'public.bulletinsNone')}</p>`
    }`;
  return layout(v, {
    title: tr(v, 'public.bulletinsTitle'),
    path: `${orgPath(v)}/bulletins`,
    crumbs: [{ label: tr(v, 'public.bulletins') }],
    body,
  });
}

export type ErrorKind = 'notFound' | 'gone' | 'tooMany' | 'error';

export function errorPage(v: View, kind: ErrorKind, params: Record<string, string> = {}): string {
  const body = markup`<h1>${tr(v, `public.${kind}`)}</h1>
    <p>${tr(v, `public.${kind}Body`, params)}</p>
    ${v.orgId ? markup`<p><a class="more" href="${urls.home(v)}">${tr(v, 'public.toHome')}</a></p>` : null}`;
  return layout(v, {
    title: tr(v, `public.${kind}`),
    path: v.orgId ? `${orgPath(v)}/` : '/public/',
    crumbs: v.orgId ? [{ label: tr(v, `public.${kind}`) }] : [],
    body,
  });
}
