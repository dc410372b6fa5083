import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../domain/errors.js';
import type { ApiApp } from '../context.js';

/**
 * JSON request bodies, parsed as Fastify does (prototype poisoning refused: `__proto__` and
 * `constructor.prototype` keys are a 400) and refused when nested deeper than any request of
 * this API needs. Every later step walks the body recursively — input normalisation, schema
 * validation, the audit diff — and a body of a few hundred kilobytes of `[[[[…` would overflow
 * the stack in the first of them (a 500 for everyone's request on that process, briefly).
 */

/** The deepest request of the API (a corrected plan: items → milestones → fields) is about 6. */
export const MAX_JSON_DEPTH = 32;

export function registerJsonBody(app: ApiApp): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (nestingDepth(text) > MAX_JSON_DEPTH) {
        done(
          new ValidationError('error.body_too_deep', { max: MAX_JSON_DEPTH }, { field: 'body' }),
          undefined,
        );
        return;
      }
      parse(request, text, done);
    },
  );
}

/** The deepest nesting of [ and { outside strings; one pass, no parsing. */
export function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
