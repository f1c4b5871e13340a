import { AppError } from '../app-error.ts';

/** What the store needs from a service's Prisma client: raw parameterised SQL. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

interface Counter {
  current: number;
  ttl: number;
}

/**
 * A @fastify/rate-limit store on PostgreSQL (table `rate_limit_counters` in the service's own
 * schema, created by its migrations): one atomic upsert per counted request, so every replica
 * draws on the same budget. A window starts at a key's first request and lasts `timeWindow`.
 */
export function createSqlRateLimitStore(options: { sql: SqlRunner; schema: string; timeWindowMs: number }) {
  const table = `"${options.schema.replace(/"/g, '')}"."rate_limit_counters"`;
  const statement = `
    INSERT INTO ${table} AS c (key, count, reset_at) VALUES ($1, 1, now() + ($2::int * interval '1 millisecond'))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN c.reset_at <= now() THEN 1 ELSE c.count + 1 END,
      reset_at = CASE WHEN c.reset_at <= now() THEN excluded.reset_at ELSE c.reset_at END
    RETURNING count, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (reset_at - now())) * 1000))::int AS ttl`;

  return class SqlRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: Counter) => void, timeWindow: number = options.timeWindowMs): void {
      options.sql
        .$queryRawUnsafe<{ count: number; ttl: number }[]>(statement, key, Math.max(1, Math.trunc(timeWindow)))
        .then((rows) => {
          const row = rows[0]!;
          callback(null, { current: Number(row.count), ttl: Number(row.ttl) });
        })
        .catch((error: Error) =>
          callback(new AppError('DEPENDENCY_UNAVAILABLE', `The rate limit store cannot be reached (${error.message}); retry shortly`, 503, { retryAfterSeconds: 5 })),
        );
    }

    // One budget per key across every counted route of the service.
    child(): SqlRateLimitStore {
      return this;
    }
  };
}
