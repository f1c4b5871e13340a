import { fileURLToPath } from 'node:url';

import { openDatabase, type Database, type DatabaseTarget, type DbLogger } from '@herald/db';

import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** The PostgreSQL schema holding the ingestion service's tables unless the target names another. */
export const INGESTION_SCHEMA = 'ingestion';

/** The committed migrations (`prisma/migrations`), applied by `migrate()`. */
export const ingestionMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export type IngestionPrismaClient = PrismaClient;
export type IngestionDb = Database<PrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => ...)`, for repositories that join a caller's transaction. */
export type IngestionTransaction = Prisma.TransactionClient;

/**
 * The ingestion service's database: a Prisma client on PostgreSQL (in schema `ingestion` by default) or on
 * embedded PGlite, with `migrate()` to apply pending migrations at start-up, `ping()` and `close()`.
 */
export function createIngestionDb(target: DatabaseTarget, options: { logger?: DbLogger } = {}): IngestionDb {
  return openDatabase({
    target,
    defaultSchema: INGESTION_SCHEMA,
    migrationsDir: ingestionMigrationsDir,
    logger: options.logger,
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
}
