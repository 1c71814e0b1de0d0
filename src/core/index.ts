export * from './errors.js';
export * from './money.js';
export * from './frequency.js';
export * from './date.js';
export * from './statement.js';
export * from './signpost.js';
