import { fileURLToPath } from 'node:url';

import { openDatabase, type Database, type DatabaseTarget, type DbLogger } from '@herald/db';

import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** The PostgreSQL schema holding the deck service's tables unless the target names another. */
export const DECK_SCHEMA = 'deck';

/** The committed migrations (`prisma/migrations`), applied by `migrate()`. */
export const deckMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export type DeckPrismaClient = PrismaClient;
export type DeckDb = Database<PrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => ...)`, for repositories that join a caller's transaction. */
export type DeckTransaction = Prisma.TransactionClient;

/**
 * The deck service's database: a Prisma client on PostgreSQL (in schema `deck` by default) or on
 * embedded PGlite, with `migrate()` to apply pending migrations at start-up, `ping()` and `close()`.
 */
export function createDeckDb(target: DatabaseTarget, options: { logger?: DbLogger } = {}): DeckDb {
  return openDatabase({
    target,
    defaultSchema: DECK_SCHEMA,
    migrationsDir: deckMigrationsDir,
    logger: options.logger,
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
}
