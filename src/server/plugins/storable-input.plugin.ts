import { storableDeep } from '../../shared/text/storable-text.js';
import type { ApiApp } from '../context.js';

/**
 * Text that reaches a route is text both databases can store: a NUL in a JSON body, a query or a
 * path made PostgreSQL fail the statement (a 500) while SQLite stored it; lone surrogates were
 * replaced differently by the two drivers. Cleaned before validation, so the schemas (lengths,
 * required fields) judge what will be stored. See src/shared/text/storable-text.ts.
 */
export function registerStorableInput(app: ApiApp): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = storableDeep(request.body);
    request.query = storableDeep(request.query);
    request.params = storableDeep(request.params);
  });
}
