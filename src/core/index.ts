export * from './errors.js';
export * from './money.js';
export * from './frequency.js';
export * from './date.js';
export * from './statement.js';
export * from './signpost.js';
export * from './calendar/index.js';
export * from './plan/index.js';
