export * from './change.ts';
export * from './metric-definitions.ts';
export * from './summary.ts';
export * from './goal-pace.ts';
