export * from './types.js';
export * from './build-public-content.js';
