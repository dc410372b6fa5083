import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the reminders routes here. */
export function remindersRoutes(_app: ApiApp, _ctx: ServerContext): void {}
