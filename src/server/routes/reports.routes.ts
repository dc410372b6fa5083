import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the reports routes here. */
export function reportsRoutes(_app: ApiApp, _ctx: ServerContext): void {}
