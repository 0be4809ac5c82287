export * from './roles.js';
export * from './dates.js';
export * from './leads.js';
export * from './events.js';
export * from './opportunities.js';
export * from './quotations.js';
export * from './objectives.js';
export * from './merges.js';
