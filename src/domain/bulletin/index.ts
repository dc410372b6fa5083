export * from './types.js';
export { buildBulletin } from './build-bulletin.js';
export { chineseNumber, dateText, periodText } from './format.js';
export { CHART_UNITS } from './figures.js';
