import type { PublicContent, PublicItem, PublicTarget } from '../../domain/publication/types.js';
import { markup } from './html.js';
import { layout } from './layout.js';
import { dateText, periodLabel, quantityText, statusBadge, tr, urls, type View } from './view.js';

/**
 * One reform task of a published period: its status, the office's note, milestones, targets
 * (goal and the approved actual), landmark achievements, units, and a QR code with the short link.
 */
export function itemPage(v: View, c: PublicContent, i: PublicItem): string {
  const label = periodLabel(v, c.period);
  const heading = i.number === null ? i.title : `${tr(v, 'public.number', { n: i.number })} ${i.title}`;
  const shortUrl = urls.short(v, i.shortCode);
  const body = markup`<h1>${heading}</h1>
    <dl class="facts">
      <dt>${tr(v, 'public.status')}</dt>
      <dd>
        ${statusBadge(v, i.status)}${i.key ? markup` <span class="key">${tr(v, 'public.keyItemLong')}</span>` : null}
      </dd>
      <dt>${tr(v, 'public.lead')}</dt>
      <dd>${i.lead ?? tr(v, 'public.noLead')}</dd>
      ${
        i.co.length
          ? markup`<dt>${tr(v, 'public.co')}</dt>
              <dd>${i.co.join(v.locale === 'zh-CN' ? '、' : ', ')}</dd>`
          : null
      }
    </dl>
    <p class="muted">${tr(v, 'public.asOf', { date: dateText(v, c.asOf) })}</p>
    ${
      i.summary
        ? markup`<h2>${tr(v, 'public.officeSummary')}</h2>
            <p class="note">${i.summary}</p>`
        : null
    }
    ${
      i.milestones.length
        ? markup`<h2>${tr(v, 'public.milestones')}</h2>
            <ul class="steps">
              ${i.milestones.map(
                (m) =>
                  markup`<li>
                    <span class="when">${tr(v, 'public.milestone', { date: dateText(v, m.deadline) })}</span
                    >${statusBadge(v, m.status, m.late)}<br />${m.text}
                  </li>`,
              )}
            </ul>`
        : null
    }
    ${
      i.targets.length
        ? markup`<h2>${tr(v, 'public.targets')}</h2>
            <ul class="steps">
              ${i.targets.map((t) => target(v, t))}
            </ul>`
        : null
    }
    ${
      i.achievements.length
        ? markup`<h2>${tr(v, 'public.achievements')}</h2>
            <ul class="steps">
              ${i.achievements.map((a) => markup`<li>${statusBadge(v, a.status, a.late)} ${a.text}</li>`)}
            </ul>`
        : null
    }
    <h2>${tr(v, 'public.share')}</h2>
    <div class="share">
      <img
        src="${urls.qr(v, c.period, i.ref)}"
        width="168"
        height="168"
        alt="${tr(v, 'public.qrAlt', { url: shortUrl })}"
      />
      <div>
        <p>${tr(v, 'public.shareHint')}</p>
        <p>${tr(v, 'public.shortLink')}<br /><a class="short" href="${shortUrl}">${shortUrl}</a></p>
      </div>
    </div>
    <p>
      <a class="more" href="${urls.period(v, c.period)}"
        >${tr(v, 'public.backToPeriod', { period: label })}</a
      >
    </p>`;
  return layout(v, {
    title: heading,
    path: `/public/${encodeURIComponent(v.orgId)}/periods/${c.period}/items/${encodeURIComponent(i.ref)}`,
    crumbs: [{ label, href: urls.period(v, c.period) }, { label: heading }],
    body,
  });
}

function target(v: View, t: PublicTarget) {
  const op = tr(v, `public.op.${t.op}`);
  const goal =
    t.value === null
      ? tr(v, 'public.target.goalBlank')
      : tr(v, 'public.target.goal', {
          value: `${op}${op && v.locale !== 'zh-CN' ? ' ' : ''}${quantityText(v, t.value, t.unit)}`,
        });
  const by = t.deadline ? tr(v, 'public.target.by', { date: dateText(v, t.deadline) }) : '';
  const actual =
    t.actual === null
      ? tr(v, 'public.target.noActual')
      : tr(v, 'public.target.actual', { value: quantityText(v, t.actual, t.unit) });
  return markup`<li>
    ${statusBadge(v, t.status)} ${t.text}<br /><span>${goal}${by}</span><br /><span>${actual}</span>
  </li>`;
}
