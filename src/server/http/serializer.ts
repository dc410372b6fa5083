import { safeEncode, type $ZodType } from 'zod/v4/core';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

/**
 * How responses become JSON. fastify-type-provider-zod encodes every response through its zod
 * schema, which validates the whole body on each request — a fifth of the CPU of GET /api/items.
 * The handlers' return types are already checked against the schemas at compile time (the type
 * provider), so in production the body is JSON.stringify'd as it is.
 *
 * With `validate` (the API tests turn it on) each body is encoded through its schema and must come
 * out unchanged: a missing or mistyped field fails the request, and so does a field the schema
 * does not declare — which in production would be sent as is, so the tests keep it out.
 */
export function createSerializerCompiler(validate: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    if (!validate) return (data) => JSON.stringify(data);
    return (data) => {
      const result = safeEncode(schema as $ZodType, data);
      if (!result.success) {
        throw new Error(`response of ${method} ${url} breaks its schema: ${result.error.message}`);
      }
      if (canonical(result.data) !== canonical(data)) {
        throw new Error(
          `response of ${method} ${url} has fields its schema does not declare: ${canonical(data)} ≠ ${canonical(result.data)}`,
        );
      }
      return JSON.stringify(data);
    };
  };
}

/** JSON with sorted keys, so that key order does not count as a difference. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : value,
  );
}
