import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the evidence routes here. */
export function evidenceRoutes(_app: ApiApp, _ctx: ServerContext): void {}
