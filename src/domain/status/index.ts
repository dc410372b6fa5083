export * from './dates.js';
export * from './status.js';
export * from './item-status.js';
export * from './counts.js';
export * from './unit-status.js';
