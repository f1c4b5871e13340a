import { fileURLToPath } from 'node:url';

import { openDatabase, type Database, type DatabaseTarget, type DbLogger } from '@herald/db';

import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** The PostgreSQL schema holding the listening service's tables unless the target names another. */
export const LISTENING_SCHEMA = 'listening';

/** The committed migrations (`prisma/migrations`), applied by `migrate()`. */
export const listeningMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export type ListeningPrismaClient = PrismaClient;
export type ListeningDb = Database<PrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => ...)`, for repositories that join a caller's transaction. */
export type ListeningTransaction = Prisma.TransactionClient;

/**
 * The listening service's database: a Prisma client on PostgreSQL (in schema `listening` by default) or on
 * embedded PGlite, with `migrate()` to apply pending migrations at start-up, `ping()` and `close()`.
 */
export function createListeningDb(target: DatabaseTarget, options: { logger?: DbLogger } = {}): ListeningDb {
  return openDatabase({
    target,
    defaultSchema: LISTENING_SCHEMA,
    migrationsDir: listeningMigrationsDir,
    logger: options.logger,
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
}
