export type { DatabaseTarget, DbLogger } from '@herald/db';
export { isUniqueViolation } from '@herald/db';

export * from './listening-db.ts';
export { Prisma } from './generated/prisma/client.ts';
export type { Brand, ListeningAlert, MentionAnalysis, ProcessedEvent } from './generated/prisma/client.ts';
