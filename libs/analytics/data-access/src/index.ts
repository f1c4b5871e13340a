export type { DatabaseTarget, DbLogger } from '@herald/db';
export { createDeadLetterStore, isTransientDatabaseError, isUniqueViolation, type DeadLetterStore, type StoredDeadLetter } from '@herald/db';

export * from './analytics-db.ts';
export { Prisma } from './generated/prisma/client.ts';
export type { Post, MetricSnapshot, Mention, ProcessedEvent, Goal, CompetitorProfile, CustomMetric } from './generated/prisma/client.ts';
