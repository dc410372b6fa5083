import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../../version.js';
import type { ApiApp } from '../context.js';
import { anyone } from '../auth/require-role.js';

export const DOCS_PREFIX = '/api/docs';

/**
 * The OpenAPI document, generated from the routes' zod schemas (src/shared/api), at
 * /api/openapi.json, and Swagger UI at /api/docs served from @fastify/swagger-ui's bundled files
 * (no CDN; its page has no inline script, so the strict CSP holds there too).
 */
export async function registerOpenApi(app: ApiApp): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'reform-ledger API',
        version: VERSION,
        description:
          '改革一本账 HTTP API. Sign in with POST /api/session; send the returned csrfToken as X-CSRF-Token on every request that is not GET or HEAD. See docs/api.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rl_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: anyone() }, async () => app.swagger());
}
