import { LANGUAGE_NAMES } from './languages.js';
import { markup, raw, type SafeHtml } from './html.js';
import { PORTAL_CSS_PATH } from './portal-css.js';
import { tr, urls, withLang, type View } from './view.js';

/**
 * The frame of every public page: language, skip link, the site's name, the language switch
 * (a plain link to the same page in the other language), breadcrumbs, one <main>, the footer.
 * No script anywhere; one stylesheet from this server.
 */

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageOptions {
  title: string;
  /** The same page, without `lang`: where the language switch points. */
  path: string;
  query?: Record<string, string>;
  crumbs: Crumb[];
  body: SafeHtml;
}

export function layout(v: View, o: PageOptions): string {
  const site = v.orgName ? tr(v, 'public.site', { org: v.orgName }) : tr(v, 'public.siteNoOrg');
  const other = v.locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const switchHref = withLang({ ...v, locale: other }, o.path, o.query);
  const title = o.crumbs.length > 0 ? `${o.title} - ${site}` : site;
  const crumbs = o.crumbs.length
    ? markup`<nav class="crumbs wrap" aria-label="${tr(v, 'public.crumbs')}">
        <ol>
          <li><a href="${urls.home(v)}">${tr(v, 'public.home')}</a></li>
          ${o.crumbs.map((c) =>
            c.href
              ? markup`<li><a href="${c.href}">${c.label}</a></li>`
              : markup`<li aria-current="page">${c.label}</li>`,
          )}
        </ol>
      </nav>`
    : null;
  const page = markup`${raw('<!doctype html>')}
    <html lang="${v.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="${PORTAL_CSS_PATH}" />
        ${v.orgId ? markup`<link rel="alternate" type="application/atom+xml" title="${tr(v, 'public.feed')}" href="${urls.feed(v)}" />` : null}
      </head>
      <body>
        <a class="skip" href="#main">${tr(v, 'public.skip')}</a>
        <header class="site">
          <div class="wrap">
            <p class="site-name">${v.orgId ? markup`<a href="${urls.home(v)}">${site}</a>` : site}</p>
            <nav class="lang" aria-label="${tr(v, 'public.langNav')}">
              <a href="${switchHref}" lang="${other}" hreflang="${other}">${LANGUAGE_NAMES[other]}</a>
            </nav>
          </div>
        </header>
        ${crumbs}
        <main id="main" class="wrap" tabindex="-1">${o.body}</main>
        <footer>
          <div class="wrap">
            <p>${v.orgName ? tr(v, 'public.footer', { org: v.orgName }) : tr(v, 'public.footerNoOrg')}</p>
            ${v.orgId ? markup`<p><a href="${urls.feed(v)}">${tr(v, 'public.feed')}</a></p>` : null}
          </div>
        </footer>
      </body>
    </html> `;
  return page.text;
}
