import type { ApiApp, ServerContext } from '../context.js';

/** Placeholder: issue 7 fills in the scoreboard routes here. */
export function scoreboardRoutes(_app: ApiApp, _ctx: ServerContext): void {}
