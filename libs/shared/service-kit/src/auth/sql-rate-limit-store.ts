import { AppError } from '../app-error.ts';

/** What the store needs from a service's Prisma client: raw parameterised SQL. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A runner that reaches the client only when a query runs (an app built to export its API document never does). */
export const lazySql = (client: () => SqlRunner): SqlRunner => ({
  $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => client().$queryRawUnsafe<T>(query, ...values),
});

interface Counter {
  current: number;
  ttl: number;
}

/**
 * A @fastify/rate-limit store on PostgreSQL (table `rate_limit_counters` in the service's own
 * schema, created by its migrations): one atomic upsert per counted request, so every replica
 * draws on the same budget. A window starts at a key's first request and lasts `timeWindow`.
 */
export function createSqlRateLimitStore(options: { sql: SqlRunner; schema: string | (() => string); timeWindowMs: number }) {
  // Resolved on first use: an app built only to export its API document never touches the database.
  const statement = () => {
    const schema = typeof options.schema === 'function' ? options.schema() : options.schema;
    return sqlFor(`"${schema.replace(/"/g, '')}"."rate_limit_counters"`);
  };
  const sqlFor = (table: string) => `
    INSERT INTO ${table} AS c (key, count, reset_at) VALUES ($1, 1, now() + ($2::int * interval '1 millisecond'))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.reset_at <= now() THEN 1 ELSE c.count + 1 END,
      reset_at = CASE WHEN c.reset_at <= now() THEN excluded.reset_at ELSE c.reset_at END
    RETURNING count, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (reset_at - now())) * 1000))::int AS ttl`;

  return class SqlRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: Counter) => void, timeWindow: number = options.timeWindowMs): void {
      options.sql
        .$queryRawUnsafe<{ count: number; ttl: number }[]>(statement(), key, Math.max(1, Math.trunc(timeWindow)))
        .then((rows) => {
          const row = rows[0];
          if (!row) throw new Error('the rate limit upsert returned no row');
          callback(null, { current: Number(row.count), ttl: Number(row.ttl) });
        })
        .catch((error: Error) =>
          callback(
            new AppError('DEPENDENCY_UNAVAILABLE', `The rate limit store cannot be reached (${error.message}); retry shortly`, 503, { retryAfterSeconds: 5 }),
          ),
        );
    }

    // One budget per key across every counted route of the service.
    child(): SqlRateLimitStore {
      return this;
    }
  };
}
