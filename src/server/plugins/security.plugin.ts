import helmet from '@fastify/helmet';
import type { ApiApp, ServerContext } from '../context.js';
import { registerJsonBody } from './json-body.plugin.js';

/**
 * Security headers. The web app is a Vite bundle: scripts only from this origin, never inline.
 * Styles allow 'unsafe-inline' because antd writes its CSS-in-JS into <style> tags; that is
 * styles only. No framing at all (frame-ancestors 'none', X-Frame-Options DENY). HSTS and
 * upgrade-insecure-requests only when the deployment says it is on HTTPS (cookieSecure): on
 * http://127.0.0.1 or a LAN address they would break the app.
 */
export async function registerSecurity(app: ApiApp, ctx: ServerContext): Promise<void> {
  const https = ctx.config.cookieSecure;
  registerJsonBody(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
