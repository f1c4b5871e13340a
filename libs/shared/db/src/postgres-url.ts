import { DatabaseError } from './errors.ts';

export interface ParsedPostgresUrl {
  /** The URL handed to `pg`, without Prisma's `schema` parameter. */
  connectionString: string;
  /** The database name, decoded; `''` when the URL leaves it to the server's default. */
  database: string;
  /** Prisma-style `?schema=` from the URL, if any, so `DATABASE_URL`s written for the Prisma CLI keep working. */
  schema: string | undefined;
}

export function parsePostgresUrl(url: string): ParsedPostgresUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new DatabaseError('DB_INVALID_URL', 'Invalid PostgreSQL URL (expected postgresql://user@host:port/database)', {
      cause: error,
    });
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new DatabaseError('DB_INVALID_URL', `Invalid PostgreSQL URL: unsupported protocol "${parsed.protocol}"`);
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return {
    connectionString: parsed.toString(),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    schema: schema || undefined,
  };
}
