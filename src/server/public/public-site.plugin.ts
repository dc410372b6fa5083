import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { isPeriod } from '../../domain/reporting/period.js';
import { RAGS, type Rag } from '../../domain/status/status.js';
import { bulletinDocx } from '../../services/bulletins.service.js';
import { resolveShortLink } from '../../store/short-links.repository.js';
import { SHORT_CODE } from '../../store/short-links.repository.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import { attachmentDisposition } from '../http/content-disposition.js';
import { atomFeed } from './feed.js';
import { itemPage } from './item-page.js';
import {
  bulletinsPage,
  errorPage,
  indexPage,
  periodPage,
  scoreboardPage,
  type ErrorKind,
  type PeriodEntry,
} from './pages.js';
import { PORTAL_CSS, PORTAL_CSS_HASH } from './portal-css.js';
import { publicCacheOf, rendered, type OrgPublicState, type Rendered } from './public-cache.js';
import { urls, type View } from './view.js';

/**
 * The public portal (政务公开, issue 5): server-rendered pages of what the office has published,
 * under /public/:orgId/, and short links /s/:code. No session is read and no cookie is set;
 * nothing here reads a live table but `publications` (the frozen, whitelisted content), the
 * org's name, a published bulletin's stored .docx and the short links.
 *
 * Speed: pages come from PublicCache (one render per org, revision, language, page), with
 * `Cache-Control: public` and an ETag (304 on If-None-Match). Protection: its own per-client
 * rate limit, separate from the office's API (which has none but sign-in's), so a burst of the
 * public cannot eat the office's budget through a shared counter.
 */

/** Requests per minute per client address: a school or a carrier NAT puts many readers behind one. */
export const DEFAULT_PUBLIC_RATE_PER_MINUTE = 3_000;

const PAGE_CACHE = 'public, max-age=60';
const FEED_CACHE = 'public, max-age=300';
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const QR_CACHE = 'public, max-age=86400';
const HTML = 'text/html; charset=utf-8';
const ORG_ID = /^[A-Za-z0-9-]{1,64}$/;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

type Req = FastifyRequest<{
  Params: Record<string, string>;
  Querystring: Record<string, string | undefined>;
}>;

export async function registerPublicPortal(app: ApiApp, ctx: ServerContext): Promise<void> {
  const cache = publicCacheOf(ctx);
  const limit = app.rateLimit({
    max: ctx.config.publicRatePerMinute ?? DEFAULT_PUBLIC_RATE_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => `public:${request.ip}`,
  });
  const limited = (scope: FastifyInstance) => {
    scope.addHook('onRequest', async function (request, reply) {
      await limit.call(this, request, reply);
    });
    scope.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) request.log.error({ err: error }, 'public page failed');
      const kind: ErrorKind = status === 429 ? 'tooMany' : status < 500 ? 'notFound' : 'error';
      return sendPage(
        request,
        reply,
        errorRendered(bareView(request), kind, status === 429 ? 429 : status < 500 ? 404 : 500),
      );
    });
  };

  const origin = (request: FastifyRequest): string => {
    if (ctx.config.publicBaseUrl) return ctx.config.publicBaseUrl;
    const host = HOST.test(request.host) ? request.host : 'localhost';
    return `${request.protocol}://${host}`;
  };
  const langOf = (request: Req): View['locale'] => (request.query.lang === 'en-US' ? 'en-US' : 'zh-CN');
  const bareView = (request: FastifyRequest): View => ({
    locale: langOf(request as Req),
    orgId: '',
    orgName: '',
    origin: origin(request),
  });

  /** The org's view and publication state; null (answered 404) for an unknown org. */
  async function orgOf(request: Req): Promise<{ v: View; state: OrgPublicState } | null> {
    const orgId = request.params.orgId ?? '';
    if (!ORG_ID.test(orgId)) return null;
    const state = await cache.state(orgId);
    if (!state.org) return null;
    return { v: { locale: langOf(request), orgId, orgName: state.org.name, origin: origin(request) }, state };
  }

  const keyOf = (v: View, what: string) => `${v.orgId}|${v.origin}|${v.locale}|${what}`;

  async function publishedEntries(state: OrgPublicState): Promise<PeriodEntry[]> {
    const out: PeriodEntry[] = [];
    for (const p of state.publications) {
      if (p.state !== 'published') continue;
      const content = await cache.content(state.org!.id, p);
      if (content) out.push({ period: p.period, publishedAt: p.publishedAt, content });
    }
    return out;
  }

  /** The published period of a request (or the error page saying why there is none). */
  async function periodOf(request: Req, v: View, state: OrgPublicState) {
    const period = request.params.period ?? '';
    const p = isPeriod(period) ? state.publications.find((x) => x.period === period) : undefined;
    if (!p) return { error: errorRendered(v, 'notFound', 404) };
    if (p.state === 'withdrawn') return { error: errorRendered(v, 'gone', 410, { period }) };
    const content = await cache.content(v.orgId, p);
    if (!content) return { error: errorRendered(v, 'gone', 410, { period }) };
    return { p, content };
  }

  await app.register(
    async (scope) => {
      limited(scope);
      // A wildcard of its own: the web app's static files answer every other path with index.html.
      const notFound = async (request: FastifyRequest, reply: FastifyReply) =>
        sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
      scope.setNotFoundHandler(notFound);
      scope.get('/*', { schema: { hide: true } }, notFound);

      scope.get(`/assets/portal.${PORTAL_CSS_HASH}.css`, { schema: { hide: true } }, async (request, reply) =>
        sendPage(request, reply, css),
      );

      const slash = async (request: FastifyRequest, reply: FastifyReply) => {
        const [path, query] = splitUrl(request.url);
        return reply.code(301).header('cache-control', PAGE_CACHE).redirect(`${path}/${query}`, 301);
      };
      scope.get('/:orgId', { schema: { hide: true } }, slash);
      scope.get('/:orgId/periods/:period', { schema: { hide: true } }, slash);

      scope.get('/:orgId/', { schema: { hide: true } }, async (request: Req, reply) => {
        const found = await orgOf(request);
        if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        const { v, state } = found;
        const page = await cache.page(keyOf(v, `index|${state.stamp}`), async () => {
          const entries = await publishedEntries(state);
          return htmlPage(
            indexPage(
              v,
              entries,
              entries.some((e) => e.content.bulletins.length > 0),
            ),
          );
        });
        return sendPage(request, reply, page);
      });

      scope.get('/:orgId/periods/:period/', { schema: { hide: true } }, async (request: Req, reply) => {
        const found = await orgOf(request);
        if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        const { v, state } = found;
        const status = request.query.status;
        if (status !== undefined && !(RAGS as readonly string[]).includes(status)) {
          return sendPage(request, reply, errorRendered(v, 'notFound', 404));
        }
        const r = await periodOf(request, v, state);
        if ('error' in r) return sendPage(request, reply, r.error!);
        const page = await cache.page(
          keyOf(v, `period|${r.p.period}|${r.p.revision}|${status ?? ''}`),
          async () => htmlPage(periodPage(v, r.content, (status as Rag | undefined) ?? null)),
        );
        return sendPage(request, reply, page);
      });

      scope.get(
        '/:orgId/periods/:period/scoreboard',
        { schema: { hide: true } },
        async (request: Req, reply) => {
          const found = await orgOf(request);
          if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
          const { v, state } = found;
          const r = await periodOf(request, v, state);
          if ('error' in r) return sendPage(request, reply, r.error!);
          if (r.content.scoreboard === null)
            return sendPage(request, reply, errorRendered(v, 'notFound', 404));
          const page = await cache.page(keyOf(v, `board|${r.p.period}|${r.p.revision}`), async () =>
            htmlPage(scoreboardPage(v, r.content)),
          );
          return sendPage(request, reply, page);
        },
      );

      scope.get(
        '/:orgId/periods/:period/items/:ref',
        { schema: { hide: true } },
        async (request: Req, reply) => {
          const found = await orgOf(request);
          if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
          const { v, state } = found;
          const r = await periodOf(request, v, state);
          if ('error' in r) return sendPage(request, reply, r.error!);
          const item = r.content.items.find((i) => i.ref === request.params.ref);
          if (!item) return sendPage(request, reply, errorRendered(v, 'notFound', 404));
          const page = await cache.page(
            keyOf(v, `item|${r.p.period}|${r.p.revision}|${item.ref}`),
            async () => htmlPage(itemPage(v, r.content, item)),
          );
          return sendPage(request, reply, page);
        },
      );

      scope.get(
        '/:orgId/periods/:period/items/:ref/qr.svg',
        { schema: { hide: true } },
        async (request: Req, reply) => {
          const found = await orgOf(request);
          if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
          const { v, state } = found;
          const r = await periodOf(request, v, state);
          if ('error' in r) return sendPage(request, reply, r.error!);
          const item = r.content.items.find((i) => i.ref === request.params.ref);
          if (!item) return sendPage(request, reply, errorRendered(v, 'notFound', 404));
          const page = await cache.page(
            keyOf({ ...v, locale: 'zh-CN' }, `qr|${r.p.period}|${item.shortCode}`),
            async () => {
              const svg = await QRCode.toString(urls.short(v, item.shortCode), {
                type: 'svg',
                errorCorrectionLevel: 'M',
                margin: 2,
              });
              return rendered({ status: 200, type: 'image/svg+xml', cacheControl: QR_CACHE }, svg);
            },
          );
          return sendPage(request, reply, page);
        },
      );

      scope.get('/:orgId/bulletins', { schema: { hide: true } }, async (request: Req, reply) => {
        const found = await orgOf(request);
        if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        const { v, state } = found;
        const page = await cache.page(keyOf(v, `bulletins|${state.stamp}`), async () =>
          htmlPage(bulletinsPage(v, await publishedEntries(state))),
        );
        return sendPage(request, reply, page);
      });

      scope.get('/:orgId/bulletins/:file', { schema: { hide: true } }, async (request: Req, reply) => {
        const found = await orgOf(request);
        const file = request.params.file ?? '';
        if (!found || !file.endsWith('.docx')) {
          return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        }
        const { v, state } = found;
        const id = file.slice(0, -'.docx'.length);
        // Only a bulletin listed by a period that is public now: publishing a bulletin for the
        // office's users does not make it public, publishing (or republishing) its period does.
        const listed = (await publishedEntries(state)).some((e) =>
          e.content.bulletins.some((b) => b.id === id),
        );
        if (!listed) return sendPage(request, reply, errorRendered(v, 'notFound', 404));
        const { bytes, fileName, bulletin } = await bulletinDocx(
          ctx.db,
          { orgId: v.orgId, role: 'viewer' },
          id,
          today(ctx),
        );
        void reply.header('content-disposition', attachmentDisposition(fileName));
        // A .docx is a zip already: compressing it again gains nothing.
        const doc = rendered(
          {
            status: 200,
            type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            cacheControl: QR_CACHE,
          },
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          false,
        );
        return sendPage(
          request,
          reply,
          bulletin.docxSha256 ? { ...doc, etag: `"${bulletin.docxSha256}"` } : doc,
        );
      });

      scope.get('/:orgId/feed.atom', { schema: { hide: true } }, async (request: Req, reply) => {
        const found = await orgOf(request);
        if (!found) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        const { v, state } = found;
        const page = await cache.page(keyOf(v, `feed|${state.stamp}`), async () => {
          const body = atomFeed(v, await publishedEntries(state));
          return rendered(
            { status: 200, type: 'application/atom+xml; charset=utf-8', cacheControl: FEED_CACHE },
            body,
          );
        });
        return sendPage(request, reply, page);
      });
    },
    { prefix: '/public' },
  );

  await app.register(
    async (scope) => {
      limited(scope);
      scope.get('/*', { schema: { hide: true } }, async (request, reply) =>
        sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404)),
      );
      scope.get('/:code', { schema: { hide: true } }, async (request: Req, reply) => {
        const code = request.params.code ?? '';
        const link = SHORT_CODE.test(code) ? await resolveShortLink(ctx.db.kysely, code) : null;
        if (!link) return sendPage(request, reply, errorRendered(bareView(request), 'notFound', 404));
        const state = await cache.state(link.orgId);
        const v: View = { ...bareView(request), orgId: link.orgId, orgName: state.org?.name ?? '' };
        const p = state.publications.find((x) => x.period === link.period);
        if (!p || p.state !== 'published') {
          return sendPage(
            request,
            reply,
            errorRendered(v, p ? 'gone' : 'notFound', p ? 410 : 404, { period: link.period }),
          );
        }
        const content = await cache.content(link.orgId, p);
        const item = content?.items.find((i) => i.itemKey === link.itemKey);
        if (!item) return sendPage(request, reply, errorRendered(v, 'gone', 410, { period: link.period }));
        return reply
          .header('cache-control', 'public, max-age=300')
          .redirect(urls.item(v, p.period, item.ref), 302);
      });
    },
    { prefix: '/s' },
  );
}

const css = rendered({ status: 200, type: 'text/css; charset=utf-8', cacheControl: ASSET_CACHE }, PORTAL_CSS);

function htmlPage(body: string): Rendered {
  return rendered({ status: 200, type: HTML, cacheControl: PAGE_CACHE }, body);
}

function errorRendered(
  v: View,
  kind: ErrorKind,
  status: number,
  params: Record<string, string> = {},
): Rendered {
  const cacheControl = status === 429 || status >= 500 ? 'no-store' : PAGE_CACHE;
  return rendered({ status, type: HTML, cacheControl }, errorPage(v, kind, params), false);
}

/**
 * Sends a page with its caching headers: 304 when the client already has this version, gzipped
 * when the client accepts it (phones on mobile data: a page of 10 KB goes as 3 KB).
 */
function sendPage(request: FastifyRequest, reply: FastifyReply, page: Rendered): FastifyReply {
  void reply.header('cache-control', page.cacheControl);
  if (page.gzip) void reply.header('vary', 'Accept-Encoding');
  if (page.status === 200) {
    void reply.header('etag', page.etag);
    if (matches(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  }
  void reply.code(page.status).type(page.type);
  if (page.gzip && acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(page.gzip);
  }
  return reply.send(page.body);
}

const bare = (tag: string) => tag.trim().replace(/^W\//, '');

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => bare(t) === bare(etag));
}

function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(header);
}

function splitUrl(url: string): [string, string] {
  const i = url.indexOf('?');
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}
