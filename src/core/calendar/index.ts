export * from './business-calendar.js';
export * from './uk-bank-holidays.js';
