import { createHash } from 'node:crypto';

import type pg from 'pg';

import { DatabaseError } from './errors.ts';

/** First key of the two-key advisory lock: marks the lock as Herald's migration lock ("HRLD"). */
const MIGRATION_LOCK_CLASS = 0x48524c44;

/** A stable 32-bit key per schema, computed here rather than with `hashtext` so it never depends on the server version. */
export function migrationLockKey(schema: string): [number, number] {
  return [MIGRATION_LOCK_CLASS, createHash('sha256').update(schema).digest().readInt32BE(0)];
}

/**
 * Holds a session-level advisory lock on `client` while `work` runs. Replicas starting together
 * queue here; `lock_timeout` bounds the wait so a stuck replica fails loudly instead of hanging.
 */
export async function withMigrationLock<T>(client: pg.Client, schema: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const key = migrationLockKey(schema);
  await client.query(`SET lock_timeout = ${Math.max(0, Math.floor(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', key);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') {
      throw new DatabaseError('DB_MIGRATION_LOCK_TIMEOUT', `Timed out after ${timeoutMs} ms waiting for another migration of schema "${schema}"`, {
        cause: error,
      });
    }
    throw error;
  }
  try {
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', key).catch(() => undefined);
  }
}
