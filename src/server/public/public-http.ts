import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorPage, type ErrorKind } from './pages.js';
import { rendered, type Rendered } from './public-cache.js';
import { PORTAL_CSS } from './portal-css.js';
import type { View } from './view.js';

/** How the public site answers: caching headers, ETag/304, gzip, and its error pages. */

export const PAGE_CACHE = 'public, max-age=60';
export const FEED_CACHE = 'public, max-age=300';
export const FILE_CACHE = 'public, max-age=86400';
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const HTML = 'text/html; charset=utf-8';

export const cssFile = rendered(
  { status: 200, type: 'text/css; charset=utf-8', cacheControl: ASSET_CACHE },
  PORTAL_CSS,
);

export function htmlPage(body: string): Rendered {
  return rendered({ status: 200, type: HTML, cacheControl: PAGE_CACHE }, body);
}

/** 404 and 410 are cacheable like pages; 429 and 5xx are of the moment. */
export function errorRendered(
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
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Rendered): FastifyReply {
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

/** If-None-Match, compared weakly (RFC 9110 §13.1.2): the gzipped page is the same page. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => bare(t) === bare(etag));
}

export function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(header);
}

/** /public/x → /public/x/, the query kept. */
export function withSlash(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? `${url}/` : `${url.slice(0, i)}/${url.slice(i)}`;
}
