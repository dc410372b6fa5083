/** The HTTP contract shared by the server and the web app (docs/api.md). Zod only, no Node. */
export * from './common.js';
export * from './health.js';
export * from './session.js';
export * from './org.js';
export * from './users.js';
export * from './items.js';
export * from './dashboard.js';
export * from './units.js';
export * from './timeline.js';
export * from './findings.js';
export * from './imports.js';
export * from './reports.js';
export * from './audit.js';
export * from './scoreboard.js';
export * from './evidence.js';
export * from './reminders.js';
export * from './bulletins.js';
