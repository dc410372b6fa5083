import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the notifications routes here. */
export function notificationsRoutes(_app: ApiApp, _ctx: ServerContext): void {}
