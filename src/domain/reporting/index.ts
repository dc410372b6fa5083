export * from './period.js';
export * from './unit-conversion.js';
export * from './progress.js';
export * from './latest-progress.js';
export * from './align-report.js';
export * from './snapshot.js';
export * from './scoreboard.js';
export * from './report-access.js';
