export * from './analytics-client.ts';
export type { paths as AnalyticsPaths } from './generated/analytics-api.ts';
export * from './summary-of.ts';
