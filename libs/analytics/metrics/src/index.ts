export * from './change.ts';
export * from './metric-definitions.ts';
export * from './summary.ts';
export * from './goal-pace.ts';
export * from './contributions.ts';
export * from './variation.ts';
export * from './custom-formula.ts';
