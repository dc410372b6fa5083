export * from './rules.js';
export * from './due-reminders.js';
export * from './deliveries.js';
export * from './webhook-address.js';
