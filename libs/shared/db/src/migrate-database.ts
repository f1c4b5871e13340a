import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

import { withMigrationLock } from './advisory-lock.ts';
import { APPLIED_MIGRATIONS_SQL, isUpToDate, type AppliedMigration } from './applied-migrations.ts';
import { silentLogger, type DbLogger } from './db-logger.ts';
import { DatabaseError } from './errors.ts';
import { readMigrationsFolder } from './migrations-folder.ts';
import { createPGliteAdapter, openPGlite } from './pglite.ts';
import { createPostgresMigrationAdapter, createPostgresPool } from './postgres.ts';
import { parsePostgresUrl } from './postgres-url.ts';
import { engineErrorMessage, withSchemaEngine } from './schema-engine.ts';
import { assertSchemaName, quoteIdent } from './schema-name.ts';
import { serialize } from './serialize.ts';

export type MigrationTarget =
  | {
      kind: 'postgres';
      url: string;
      /** Defaults to the URL's `?schema=`, then `public`. */
      schema?: string;
    }
  | {
      kind: 'pglite';
      /** An open instance (it stays open); otherwise one is opened on `dataDir` (or in memory) and closed after. */
      pglite?: PGlite;
      dataDir?: string;
      /** Defaults to `public`. */
      schema?: string;
    };

export interface MigrateDatabaseOptions {
  target: MigrationTarget;
  /** A Prisma migrations folder: `<timestamp>_<name>/migration.sql` and `migration_lock.toml`. */
  migrationsDir: string;
  /** How long to wait for a replica that is migrating the same schema (default 60 s). */
  lockTimeoutMs?: number;
  logger?: DbLogger;
}

const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * Applies the committed migrations that the database has not seen yet, exactly as
 * `prisma migrate deploy` would (same `_prisma_migrations` rows, in the target schema), and returns
 * their names. Running it again applies nothing. Concurrent runs against one schema are serialized.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<string[]> {
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  const { target } = options;
  const schema = assertSchemaName(
    target.kind === 'postgres' ? (target.schema ?? parsePostgresUrl(target.url).schema ?? 'public') : (target.schema ?? 'public'),
  );
  const applied = target.kind === 'postgres' ? await migratePostgres(target.url, schema, options) : await migratePGlite(target, schema, options);
  logger.info(
    { schema, applied, durationMs: Math.round(performance.now() - started) },
    applied.length ? `applied ${applied.length} migration(s) to schema ${schema}` : `schema ${schema} is up to date`,
  );
  return applied;
}

async function migratePostgres(url: string, schema: string, options: MigrateDatabaseOptions): Promise<string[]> {
  const { connectionString } = parsePostgresUrl(url);
  // The lock lives on its own session: the engine's pool is closed before the lock is released.
  const lockClient = new pg.Client({ connectionString, application_name: 'herald-migrate-lock' });
  lockClient.on('error', (error) => options.logger?.warn({ err: error, schema }, 'migration lock connection failed'));
  await lockClient.connect();
  try {
    return await withMigrationLock(lockClient, schema, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await lockClient.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      // One connection: the engine takes its own session advisory lock and expects every later
      // statement on that same session.
      const pool = createPostgresPool({ url, schema, max: 1, applicationName: 'herald-migrate', logger: options.logger });
      try {
        const applied = () => lockClient.query<AppliedMigration>(APPLIED_MIGRATIONS_SQL(quoteIdent(schema))).then((r) => r.rows);
        return await applyMigrations(() => createPostgresMigrationAdapter(pool, schema), applied, schema, options);
      } finally {
        await pool.end();
      }
    });
  } finally {
    await lockClient.end().catch(() => undefined);
  }
}

async function migratePGlite(target: Extract<MigrationTarget, { kind: 'pglite' }>, schema: string, options: MigrateDatabaseOptions): Promise<string[]> {
  const pglite = target.pglite ?? openPGlite({ dataDir: target.dataDir });
  try {
    // One PGlite is one session shared by everything in the process, so migrations of its schemas
    // take turns, and `search_path` is only borrowed for the duration.
    return await serialize(pglite, async () => {
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      const { rows } = await pglite.query<{ search_path: string }>('SHOW search_path');
      const previous = rows[0]?.search_path ?? 'public';
      await pglite.exec(`SET search_path TO ${quoteIdent(schema)}`);
      try {
        const applied = () => pglite.query<AppliedMigration>(APPLIED_MIGRATIONS_SQL(quoteIdent(schema))).then((r) => r.rows);
        return await applyMigrations(() => createPGliteAdapter(pglite, schema), applied, schema, options);
      } finally {
        await pglite.exec(`SET search_path TO ${previous}`);
      }
    });
  } finally {
    if (!target.pglite) await pglite.close();
  }
}

async function applyMigrations(
  adapterFactory: () => SqlMigrationAwareDriverAdapterFactory,
  readApplied: () => Promise<AppliedMigration[]>,
  schema: string,
  options: MigrateDatabaseOptions,
): Promise<string[]> {
  const migrationsList = await readMigrationsFolder(options.migrationsDir);
  const applied = await readApplied().catch((error: unknown) => {
    // 42P01: no _prisma_migrations yet, a fresh schema. Any other failure is the engine's to report.
    if ((error as { code?: unknown }).code !== '42P01') options.logger?.debug({ err: error, schema }, 'could not read applied migrations');
    return [];
  });
  if (isUpToDate(migrationsList, applied)) return [];
  try {
    const output = await withSchemaEngine(adapterFactory(), { logger: options.logger }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
    );
    return output.appliedMigrationNames;
  } catch (error) {
    throw new DatabaseError('DB_MIGRATION_FAILED', `Migrating schema "${schema}" from ${options.migrationsDir} failed: ${engineErrorMessage(error)}`, {
      cause: error,
    });
  }
}
