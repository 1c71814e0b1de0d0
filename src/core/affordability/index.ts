export * from './types.js';
export * from './assess.js';
export * from './offers.js';
export * from './guidelines.js';
export * from './irs.js';
export * from './flags.js';
