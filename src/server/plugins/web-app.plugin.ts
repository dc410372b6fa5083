import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import type { ApiApp } from '../context.js';
import { localeFrom } from '../http/locale.js';
import { apiNotFound } from './errors.plugin.js';

/**
 * The web app (web/dist, built by Vite) at /, with every non-/api path that is not a file
 * answered by index.html so the client-side router can take it. Hashed assets are cached for a
 * year; index.html never, so a new build is picked up at once. Without a build, a small page
 * says how to make one.
 */
export async function registerWebApp(app: ApiApp, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: 'index.html',
      setHeaders(reply, path) {
        void reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request) || (request.method !== 'GET' && request.method !== 'HEAD'))
      return apiNotFound(request, reply);
    if (!built) return missingBuild(request, reply);
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?');
}

function missingBuild(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeFrom(request.headers['accept-language']);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(t(locale, 'web.missing.title'))}</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
<h1>${esc(t(locale, 'web.missing.title'))}</h1>
<p>${esc(t(locale, 'web.missing.body'))} <a href="/api/docs">/api/docs</a></p>
</body></html>`;
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
}
