import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

import { overrideAdapterFactory } from './adapter-overrides.ts';
import { silentLogger, type DbLogger } from './db-logger.ts';
import { parsePostgresUrl } from './postgres-url.ts';
import { assertSchemaName } from './schema-name.ts';

export interface PostgresPoolOptions {
  url: string;
  /** The service's schema; also the connection's `search_path`, so raw SQL and migrations land there. */
  schema: string;
  max?: number;
  applicationName?: string;
  logger?: DbLogger;
}

/**
 * A `pg` pool whose connections start with `search_path` set to the service's schema.
 * Idle connections that die (server restart, network) are logged instead of crashing the process.
 */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const schema = assertSchemaName(options.schema);
  const { connectionString } = parsePostgresUrl(options.url);
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'herald',
    // JIT compiles each report query for ~170 ms and gains nothing on these short scans (bench/analytics).
    options: `-c search_path=${schema} -c jit=off`,
  });
  const logger = options.logger ?? silentLogger;
  pool.on('error', (error) => logger.warn({ err: error, schema }, 'idle PostgreSQL connection failed'));
  return pool;
}

/**
 * A Prisma driver adapter over `pool`. The adapter's `schema` option makes the client qualify every
 * table with the service's schema, whatever the connection's `search_path`.
 */
export function createPostgresAdapter(pool: pg.Pool, schema: string): PrismaPg {
  return new PrismaPg(pool, { schema: assertSchemaName(schema), disposeExternalPool: false });
}

/**
 * The adapter the schema engine migrates through. Scripts run whole, in one simple-query round trip,
 * so a migration is applied in one implicit transaction like the Prisma CLI does (the stock adapter
 * splits on every `;`, which breaks on functions and string literals and is not atomic).
 */
export function createPostgresMigrationAdapter(pool: pg.Pool, schema: string): SqlMigrationAwareDriverAdapterFactory {
  return overrideAdapterFactory(createPostgresAdapter(pool, schema), {
    schemaName: schema,
    executeScript: async (script) => {
      await pool.query(script);
    },
  });
}
