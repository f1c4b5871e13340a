export type { DatabaseTarget, DbLogger } from '@herald/db';
export { isUniqueViolation } from '@herald/db';

export * from './ingestion-db.ts';
export { Prisma } from './generated/prisma/client.ts';
export type { Workspace, ApiKey, IngestedItem, OutboxEvent } from './generated/prisma/client.ts';
