export type { DatabaseTarget, DbLogger } from '@herald/db';
export { createDeadLetterStore, isTransientDatabaseError, isUniqueViolation, type DeadLetterStore, type StoredDeadLetter } from '@herald/db';

export * from './listening-db.ts';
export { Prisma } from './generated/prisma/client.ts';
export type { Brand, ListeningAlert, MentionAnalysis, ProcessedEvent } from './generated/prisma/client.ts';
