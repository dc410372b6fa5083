export * from './palette.js';
export * from './status-columns.js';
export * from './unit-bars.js';
