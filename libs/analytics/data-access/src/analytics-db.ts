import { fileURLToPath } from 'node:url';

import { openDatabase, type Database, type DatabaseTarget, type DbLogger } from '@herald/db';

import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** The PostgreSQL schema holding the analytics service's tables unless the target names another. */
export const ANALYTICS_SCHEMA = 'analytics';

/** The committed migrations (`prisma/migrations`), applied by `migrate()`. */
export const analyticsMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export type AnalyticsPrismaClient = PrismaClient;
export type AnalyticsDb = Database<PrismaClient>;
/** The client inside `prisma.$transaction(async (tx) => ...)`, for repositories that join a caller's transaction. */
export type AnalyticsTransaction = Prisma.TransactionClient;

/**
 * The analytics service's database: a Prisma client on PostgreSQL (in schema `analytics` by default) or on
 * embedded PGlite, with `migrate()` to apply pending migrations at start-up, `ping()` and `close()`.
 */
export function createAnalyticsDb(target: DatabaseTarget, options: { logger?: DbLogger } = {}): AnalyticsDb {
  return openDatabase({
    target,
    defaultSchema: ANALYTICS_SCHEMA,
    migrationsDir: analyticsMigrationsDir,
    logger: options.logger,
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
}
