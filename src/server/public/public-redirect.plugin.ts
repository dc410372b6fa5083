import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiApp, ServerContext } from '../context.js';
import { separatePublicOrigin } from './public-origin.js';

const HIDDEN = { schema: { hide: true } };

/**
 * The office's server when the portal runs in a process of its own (PUBLIC_PORT): /public and
 * /s move there, so that a crowd of citizens costs the office's event loop nothing — the links
 * the office has (政务公开's "open", printed addresses) still work through one redirect. 302, not
 * 301: a deployment may move the portal again, and a browser must not remember this forever.
 */
export function registerPublicRedirect(app: ApiApp, ctx: ServerContext): void {
  const moved = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-store')
      .redirect(`${separatePublicOrigin(ctx.config, request)}${request.url}`, 302);
  for (const prefix of ['/public', '/s']) {
    app.get(prefix, HIDDEN, moved);
    app.get(`${prefix}/*`, HIDDEN, moved);
  }
}
