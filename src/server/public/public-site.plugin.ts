import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { PublicContent } from '../../domain/publication/types.js';
import { isPeriod } from '../../domain/reporting/period.js';
import { RAGS, type Rag } from '../../domain/status/status.js';
import { bulletinDocx } from '../../services/bulletins.service.js';
import { resolveShortLink, SHORT_CODE } from '../../store/short-links.repository.js';
import type { PublicationRecord } from '../../store/publications.repository.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import { attachmentDisposition } from '../http/content-disposition.js';
import { directoryPage } from './directory-page.js';
import { atomFeed } from './feed.js';
import { itemPage } from './item-page.js';
import { bulletinsPage, indexPage, periodPage, scoreboardPage, type PeriodEntry } from './pages.js';
import { PORTAL_CSS_HASH } from './portal-css.js';
import { publicCacheOf, rendered, type OrgPublicState, type Rendered } from './public-cache.js';
import {
  cssFile,
  errorRendered,
  FEED_CACHE,
  FILE_CACHE,
  htmlPage,
  PAGE_CACHE,
  sendPage,
  withSlash,
} from './public-http.js';
import { bareView as publicBareView } from './public-origin.js';
import { urls, type View } from './view.js';

/**
 * The public portal (政务公开, issue 5): server-rendered pages of what the office has published,
 * under /public/:orgId/, and short links /s/:code. No session is read and no cookie is set;
 * nothing here reads a live table but `publications` (the frozen, whitelisted content), the
 * org's name, a published bulletin's stored .docx and the short links.
 *
 * Speed: pages come from PublicCache (one render per org, revision, language, page), with
 * `Cache-Control: public` and an ETag (304 on If-None-Match). Protection: its own per-client
 * rate limit, separate from the office's API, so a burst of the public cannot eat the office's
 * budget through a shared counter.
 */

/** Requests per minute per client address: a school or a carrier NAT puts many readers behind one. */
export const DEFAULT_PUBLIC_RATE_PER_MINUTE = 3_000;

const ORG_ID = /^[A-Za-z0-9-]{1,64}$/;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HIDDEN = { schema: { hide: true } };

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
}>;
interface OrgPage {
  v: View;
  state: OrgPublicState;
  /** The key of a cached page of this org, in this language, at this address. */
  key: (what: string) => string;
}
interface PeriodPage extends OrgPage {
  p: PublicationRecord;
  content: PublicContent;
}
/** A page, or the error page saying why there is none. */
type Answer = Rendered | Promise<Rendered>;

export async function registerPublicPortal(app: ApiApp, ctx: ServerContext): Promise<void> {
  const cache = publicCacheOf(ctx);
  const limit = app.rateLimit({
    max: ctx.config.publicRatePerMinute ?? DEFAULT_PUBLIC_RATE_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `public:${request.ip}`,
  });

  const bareView = (request: FastifyRequest): View => publicBareView(ctx.config, request);
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));

  /** The same per-client limit and HTML error pages on every public route. */
  const guarded = (scope: FastifyInstance) => {
    scope.addHook('onRequest', async function (request, reply) {
      await limit.call(this, request, reply);
    });
    scope.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) request.log.error({ err: error }, 'public page failed');
      const page =
        status === 429
          ? errorRendered(bareView(request), 'tooMany', 429)
          : status < 500
            ? errorRendered(bareView(request), 'notFound', 404)
            : errorRendered(bareView(request), 'error', 500);
      return sendPage(request, reply, page);
    });
    // A wildcard of its own: the web app's static files answer every other path with index.html.
    scope.setNotFoundHandler(notFound);
    scope.get('/*', HIDDEN, notFound);
  };

  /** A page of a known org (404 otherwise). */
  const orgRoute =
    (answer: (request: Req, page: OrgPage, reply: FastifyReply) => Answer) =>
    async (request: Req, reply: FastifyReply) => {
      const orgId = request.params.orgId ?? '';
      const state = ORG_ID.test(orgId) ? await cache.state(orgId) : null;
      if (!state?.org) return notFound(request, reply);
      const v: View = { ...bareView(request), orgId, orgName: state.org.name };
      const key = (what: string) => `${orgId}|${v.origin}|${v.locale}|${what}`;
      return sendPage(request, reply, await answer(request, { v, state, key }, reply));
    };

  /** A page of a period that is public now: 410 once withdrawn, 404 if never published. */
  const periodRoute = (answer: (request: Req, page: PeriodPage, reply: FastifyReply) => Answer) =>
    orgRoute(async (request, page, reply) => {
      const period = request.params.period ?? '';
      const p = isPeriod(period) ? page.state.publications.find((x) => x.period === period) : undefined;
      if (!p) return errorRendered(page.v, 'notFound', 404);
      const content = p.state === 'published' ? await cache.content(page.v.orgId, p) : null;
      if (!content) return errorRendered(page.v, 'gone', 410, { period });
      return answer(request, { ...page, p, content }, reply);
    });

  const itemOf = (request: Req, page: PeriodPage) =>
    page.content.items.find((i) => i.ref === request.params.ref);

  async function publishedEntries(state: OrgPublicState): Promise<PeriodEntry[]> {
    const out: PeriodEntry[] = [];
    for (const p of state.publications) {
      if (p.state !== 'published') continue;
      const content = await cache.content(state.org!.id, p);
      if (content) out.push({ period: p.period, publishedAt: p.publishedAt, content });
    }
    return out;
  }

  await app.register(
    async (scope) => {
      guarded(scope);
      scope.get(`/assets/portal.${PORTAL_CSS_HASH}.css`, HIDDEN, (request, reply) =>
        sendPage(request, reply, cssFile),
      );
      const slash = (request: FastifyRequest, reply: FastifyReply) =>
        reply.header('cache-control', PAGE_CACHE).redirect(withSlash(request.url), 301);
      scope.get('/', HIDDEN, async (request, reply) => {
        const orgs = await cache.directory();
        const v = bareView(request);
        // One county: its own page is the portal's front page.
        if (orgs.length === 1) {
          return reply
            .header('cache-control', PAGE_CACHE)
            .redirect(urls.home({ ...v, orgId: orgs[0]!.id, orgName: orgs[0]!.name }), 302);
        }
        const stamp = orgs.map((o) => `${o.id}:${o.name}:${o.latestPeriod}`).join(',');
        const key = `|${v.origin}|${v.locale}|directory|${stamp}`;
        return sendPage(request, reply, await cache.page(key, async () => htmlPage(directoryPage(v, orgs))));
      });
      scope.get('/:orgId', HIDDEN, slash);
      scope.get('/:orgId/periods/:period', HIDDEN, slash);

      scope.get(
        '/:orgId/',
        HIDDEN,
        orgRoute((_, { v, state, key }) =>
          cache.page(key(`index|${state.stamp}`), async () => {
            const entries = await publishedEntries(state);
            return htmlPage(
              indexPage(
                v,
                entries,
                entries.some((e) => e.content.bulletins.length > 0),
              ),
            );
          }),
        ),
      );

      scope.get(
        '/:orgId/periods/:period/',
        HIDDEN,
        periodRoute((request, { v, p, content, key }) => {
          const status = request.query.status;
          if (status !== undefined && !(RAGS as readonly string[]).includes(status)) {
            return errorRendered(v, 'notFound', 404);
          }
          return cache.page(key(`period|${p.period}|${p.revision}|${status ?? ''}`), async () =>
            htmlPage(periodPage(v, content, (status as Rag | undefined) ?? null)),
          );
        }),
      );

      scope.get(
        '/:orgId/periods/:period/scoreboard',
        HIDDEN,
        periodRoute((_, { v, p, content, key }) =>
          content.scoreboard === null
            ? errorRendered(v, 'notFound', 404)
            : cache.page(key(`board|${p.period}|${p.revision}`), async () =>
                htmlPage(scoreboardPage(v, content)),
              ),
        ),
      );

      scope.get(
        '/:orgId/periods/:period/items/:ref',
        HIDDEN,
        periodRoute((request, page) => {
          const item = itemOf(request, page);
          if (!item) return errorRendered(page.v, 'notFound', 404);
          return cache.page(page.key(`item|${page.p.period}|${page.p.revision}|${item.ref}`), async () =>
            htmlPage(itemPage(page.v, page.content, item)),
          );
        }),
      );

      scope.get(
        '/:orgId/periods/:period/items/:ref/qr.svg',
        HIDDEN,
        periodRoute((request, page) => {
          const item = itemOf(request, page);
          if (!item) return errorRendered(page.v, 'notFound', 404);
          // The code never changes for (org, period, item): no revision or language in the key.
          return cache.page(
            `${page.v.orgId}|${page.v.origin}|qr|${page.p.period}|${item.shortCode}`,
            async () => {
              const svg = await QRCode.toString(urls.short(page.v, item.shortCode), {
                type: 'svg',
                errorCorrectionLevel: 'M',
                margin: 2,
              });
              return rendered({ status: 200, type: 'image/svg+xml', cacheControl: FILE_CACHE }, svg);
            },
          );
        }),
      );

      scope.get(
        '/:orgId/bulletins',
        HIDDEN,
        orgRoute((_, { v, state, key }) =>
          cache.page(key(`bulletins|${state.stamp}`), async () =>
            htmlPage(bulletinsPage(v, await publishedEntries(state))),
          ),
        ),
      );

      scope.get(
        '/:orgId/bulletins/:file',
        HIDDEN,
        orgRoute(async (request, { v, state }, reply) => {
          const id = /^(.+)\.docx$/.exec(request.params.file ?? '')?.[1];
          // Only a bulletin listed by a period that is public now: publishing a bulletin for the
          // office's users does not make it public, publishing (or republishing) its period does.
          const listed =
            id !== undefined &&
            (await publishedEntries(state)).some((e) => e.content.bulletins.some((b) => b.id === id));
          if (!listed) return errorRendered(v, 'notFound', 404);
          const { bytes, fileName, bulletin } = await bulletinDocx(
            ctx.db,
            { orgId: v.orgId, role: 'viewer' },
            id,
            today(ctx),
          );
          void reply.header('content-disposition', attachmentDisposition(fileName));
          // A .docx is a zip already: compressing it again gains nothing.
          const doc = rendered(
            { status: 200, type: DOCX, cacheControl: FILE_CACHE },
            Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            false,
          );
          return bulletin.docxSha256 ? { ...doc, etag: `"${bulletin.docxSha256}"` } : doc;
        }),
      );

      scope.get(
        '/:orgId/feed.atom',
        HIDDEN,
        orgRoute((_, { v, state, key }) =>
          cache.page(key(`feed|${state.stamp}`), async () =>
            rendered(
              { status: 200, type: 'application/atom+xml; charset=utf-8', cacheControl: FEED_CACHE },
              atomFeed(v, await publishedEntries(state)),
            ),
          ),
        ),
      );
    },
    { prefix: '/public' },
  );

  await app.register(
    async (scope) => {
      guarded(scope);
      scope.get('/:code', HIDDEN, async (request: Req, reply) => {
        const code = request.params.code ?? '';
        const link = SHORT_CODE.test(code) ? await resolveShortLink(ctx.db.kysely, code) : null;
        if (!link) return notFound(request, reply);
        const state = await cache.state(link.orgId);
        const v: View = { ...bareView(request), orgId: link.orgId, orgName: state.org?.name ?? '' };
        const p = state.publications.find((x) => x.period === link.period);
        const content = p?.state === 'published' ? await cache.content(link.orgId, p) : null;
        const item = content?.items.find((i) => i.itemKey === link.itemKey);
        if (!p || !item) {
          const gone = errorRendered(v, p ? 'gone' : 'notFound', p ? 410 : 404, { period: link.period });
          return sendPage(request, reply, gone);
        }
        return reply
          .header('cache-control', 'public, max-age=300')
          .redirect(urls.item(v, p.period, item.ref), 302);
      });
    },
    { prefix: '/s' },
  );
}
