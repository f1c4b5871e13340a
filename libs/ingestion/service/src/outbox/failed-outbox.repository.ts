import { Prisma, type IngestionDb, type IngestionTransaction } from '@herald/ingestion-data-access';

const table = (schema: string, name: string) => Prisma.raw(`"${schema}"."${name}"`);

/** An outbox row the relay moved aside because publishing it failed for good. */
export interface FailedOutboxEvent {
  id: string;
  /** The event type, read from the stored envelope (null when it has none). */
  type: string | null;
  topic: string;
  errorCode: string;
  error: string;
  createdAt: string;
  failedAt: string;
  /** The stored event, as the relay tried to publish it. */
  event: unknown;
}

export interface Quarantined {
  id: string;
  code: string;
  message: string;
}

/**
 * Moves rows from the outbox to outbox_failed_events with their error, inside the relay's
 * transaction: once it commits the rows behind them are published as if they had never been there.
 */
export async function quarantineOutboxRows(tx: IngestionTransaction, schema: string, rows: readonly Quarantined[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO ${table(schema, 'outbox_failed_events')} (id, seq, workspace_id, topic, key, payload, error_code, error, created_at, failed_at)
    SELECT o.id, o.seq, coalesce(o.payload->>'workspaceId', ''), o.topic, o.key, o.payload, f.code, f.message, o.created_at, ${now.toISOString()}::timestamptz
    FROM ${table(schema, 'outbox_events')} o
    JOIN unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.message)}::text[]) AS f(id, code, message) ON f.id = o.id
    ON CONFLICT (id) DO UPDATE SET error_code = EXCLUDED.error_code, error = EXCLUDED.error, failed_at = EXCLUDED.failed_at`;
  await tx.$executeRaw`DELETE FROM ${table(schema, 'outbox_events')} WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
}

/** The workspace's failed rows, newest failure first. */
export async function listFailedOutboxEvents(db: IngestionDb, workspaceId: string, options: { limit?: number } = {}): Promise<FailedOutboxEvent[]> {
  const rows = await db.prisma.$queryRaw<
    { id: string; topic: string; error_code: string; error: string; created_at: Date; failed_at: Date; payload: string }[]
  >`
    SELECT id::text AS id, topic, error_code, error, created_at, failed_at, payload::text AS payload
    FROM ${table(db.schema, 'outbox_failed_events')}
    WHERE workspace_id = ${workspaceId}
    ORDER BY failed_at DESC, seq DESC
    LIMIT ${options.limit ?? 100}`;
  return rows.map((r) => {
    const event = JSON.parse(r.payload) as unknown;
    const type =
      typeof event === 'object' && event !== null && typeof (event as { type?: unknown }).type === 'string' ? (event as { type: string }).type : null;
    return {
      id: r.id,
      type,
      topic: r.topic,
      errorCode: r.error_code,
      error: r.error,
      createdAt: new Date(r.created_at).toISOString(),
      failedAt: new Date(r.failed_at).toISOString(),
      event,
    };
  });
}

/**
 * Puts a failed row of the workspace back in the outbox at its old place, for the relay to try
 * again (after the broker's limit was raised, or a consumer-side fix). False when the workspace
 * has no such failed row. A row that fails again is moved aside again, with the new error.
 */
export async function requeueFailedOutboxEvent(db: IngestionDb, workspaceId: string, id: string): Promise<boolean> {
  return db.prisma.$transaction(async (tx) => {
    const moved = await tx.$executeRaw`
      WITH taken AS (
        DELETE FROM ${table(db.schema, 'outbox_failed_events')} WHERE id = ${id}::uuid AND workspace_id = ${workspaceId}
        RETURNING id, seq, topic, key, payload, created_at
      )
      INSERT INTO ${table(db.schema, 'outbox_events')} (id, seq, topic, key, payload, created_at)
      SELECT id, seq, topic, key, payload, created_at FROM taken`;
    return moved > 0;
  });
}

/** Where a row is now: waiting in the outbox, published, moved aside, or unknown. */
export async function outboxStateOf(db: IngestionDb, id: string): Promise<'pending' | 'published' | 'failed' | 'unknown'> {
  const [row] = await db.prisma.$queryRaw<{ state: string }[]>`
    SELECT CASE WHEN published_at IS NULL THEN 'pending' ELSE 'published' END AS state FROM ${table(db.schema, 'outbox_events')} WHERE id = ${id}::uuid
    UNION ALL
    SELECT 'failed' FROM ${table(db.schema, 'outbox_failed_events')} WHERE id = ${id}::uuid`;
  return (row?.state as 'pending' | 'published' | 'failed' | undefined) ?? 'unknown';
}

/** Age of the oldest event still waiting to be published, in milliseconds; null when none waits. */
export async function oldestPendingOutboxAgeMs(db: IngestionDb, now = new Date()): Promise<number | null> {
  // In seq order, through the partial index of unpublished rows: as cheap with a long history as without.
  const [row] = await db.prisma.$queryRaw<{ created_at: Date }[]>`
    SELECT created_at FROM ${table(db.schema, 'outbox_events')} WHERE published_at IS NULL ORDER BY seq LIMIT 1`;
  return row ? Math.max(0, now.getTime() - new Date(row.created_at).getTime()) : null;
}

/** Failed rows of every workspace, for /ready. */
export async function countFailedOutboxEvents(db: IngestionDb): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${table(db.schema, 'outbox_failed_events')}`;
  return row?.n ?? 0;
}
