import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

import { silentLogger, type DbLogger } from './db-logger.ts';
import { migrateDatabase } from './migrate-database.ts';
import { createPGliteAdapter, openPGlite } from './pglite.ts';
import { createPostgresAdapter, createPostgresPool } from './postgres.ts';
import { parsePostgresUrl } from './postgres-url.ts';
import { assertSchemaName, quoteIdent } from './schema-name.ts';

/** Where a service keeps its data: a PostgreSQL server, or PostgreSQL embedded in the process. */
export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      /** Defaults to the URL's `?schema=`, then the service's name. */
      schema?: string;
      /** Connections in the pool (default 10). */
      poolMax?: number;
    }
  | {
      kind: 'pglite';
      /** Persist in this folder; in memory when omitted. Ignored when `pglite` is given. */
      dataDir?: string;
      /** Share an open instance between services (each in its own schema); it is not closed by `close()`. */
      pglite?: PGlite;
      /** Defaults to the service's name. */
      schema?: string;
    };

export interface Database<TClient> {
  readonly prisma: TClient;
  readonly kind: DatabaseTarget['kind'];
  /** The PostgreSQL schema holding the service's tables and its `_prisma_migrations`. */
  readonly schema: string;
  /** Applies pending migrations; returns the names applied (none when up to date). */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers; for readiness probes. */
  ping(): Promise<void>;
  /** Disconnects the client and closes what this handle opened. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TClient> {
  target: DatabaseTarget;
  /** The service's name; its schema unless the target says otherwise. */
  defaultSchema: string;
  migrationsDir: string;
  /** Builds the service's generated `PrismaClient` on the adapter, e.g. `(adapter) => new PrismaClient({ adapter })`. */
  createClient: (adapter: SqlMigrationAwareDriverAdapterFactory) => TClient;
  logger?: DbLogger;
}

interface Disconnectable {
  $disconnect(): Promise<void>;
}

/**
 * Opens a service's database: a Prisma client whose queries are qualified with the service's
 * schema, plus `migrate`, `ping` and `close`. Nothing connects until the first query.
 */
export function openDatabase<TClient extends Disconnectable>(options: OpenDatabaseOptions<TClient>): Database<TClient> {
  const { target } = options;
  const logger = options.logger ?? silentLogger;
  if (target.kind === 'postgres') {
    const schema = assertSchemaName(target.schema ?? parsePostgresUrl(target.url).schema ?? options.defaultSchema);
    const pool = createPostgresPool({ url: target.url, schema, max: target.poolMax, logger });
    const prisma = options.createClient(createPostgresAdapter(pool, schema));
    return handle({
      prisma,
      kind: 'postgres',
      schema,
      migrate: () => migrateDatabase({ target: { kind: 'postgres', url: target.url, schema }, migrationsDir: options.migrationsDir, logger }),
      ping: async () => {
        await pool.query('SELECT 1');
      },
      release: () => pool.end(),
    });
  }

  const schema = assertSchemaName(target.schema ?? options.defaultSchema);
  const owned = !target.pglite;
  const pglite = target.pglite ?? openPGlite({ dataDir: target.dataDir });
  // A dedicated instance is one session for this service alone, so raw SQL can rely on search_path.
  const ready = owned ? pglite.exec(`SET search_path TO ${quoteIdent(schema)}`) : Promise.resolve();
  ready.catch(() => undefined); // reported by the first migrate/ping instead of as an unhandled rejection
  const prisma = options.createClient(createPGliteAdapter(pglite, schema));
  return handle({
    prisma,
    kind: 'pglite',
    schema,
    migrate: async () => {
      await ready;
      return migrateDatabase({ target: { kind: 'pglite', pglite, schema }, migrationsDir: options.migrationsDir, logger });
    },
    ping: async () => {
      await ready;
      await pglite.query('SELECT 1');
    },
    release: async () => {
      if (owned && !pglite.closed) await pglite.close();
    },
  });
}

function handle<TClient extends Disconnectable>(parts: {
  prisma: TClient;
  kind: DatabaseTarget['kind'];
  schema: string;
  migrate: () => Promise<string[]>;
  ping: () => Promise<void>;
  release: () => Promise<void>;
}): Database<TClient> {
  let closing: Promise<void> | undefined;
  return {
    prisma: parts.prisma,
    kind: parts.kind,
    schema: parts.schema,
    migrate: parts.migrate,
    ping: parts.ping,
    close: () => {
      closing ??= (async () => {
        try {
          await parts.prisma.$disconnect();
        } finally {
          await parts.release();
        }
      })();
      return closing;
    },
  };
}
