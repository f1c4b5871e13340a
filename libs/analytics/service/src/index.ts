export * from './analytics.config.ts';
export * from './api/summary.schema.ts';
export * from './build-app.ts';
export * from './consumers/store-events.consumer.ts';
export * from './reporting/breakdown.repository.ts';
export * from './reporting/summary.repository.ts';
export * from './compose-analytics-service.ts';
export type { Scope } from './reporting/reading-sql.ts';
