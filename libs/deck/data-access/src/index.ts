export type { DatabaseTarget, DbLogger } from '@herald/db';
export { isUniqueViolation } from '@herald/db';

export * from './deck-db.ts';
export { Prisma } from './generated/prisma/client.ts';
export type { Deck } from './generated/prisma/client.ts';
