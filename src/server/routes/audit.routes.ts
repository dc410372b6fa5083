import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the audit routes here. */
export function auditRoutes(_app: ApiApp, _ctx: ServerContext): void {}
