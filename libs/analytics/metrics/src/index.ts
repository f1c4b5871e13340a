export * from './period.ts';
export * from './summary.ts';
