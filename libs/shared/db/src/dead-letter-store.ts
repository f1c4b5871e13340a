import { quoteIdent } from './schema-name.ts';

/** A dead letter as the consumer hands it over. */
export interface DeadLetterInput {
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  workspaceId: string | null;
  errorCode: string;
  errorMessage: string;
  rawValue: Buffer | null;
  failedAt: Date;
}

/** A dead letter as kept in the service's `dead_letters` table. */
export interface StoredDeadLetter extends Omit<DeadLetterInput, 'failedAt'> {
  id: string;
  failures: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  replayedAt: Date | null;
}

export interface DeadLetterStore {
  /** Keeps each letter; one already kept (same consumer, topic, partition, offset) gets its latest error. */
  record(letters: readonly DeadLetterInput[]): Promise<void>;
  /** Newest first. Without a workspace: every letter, those of no workspace (poison messages) too. */
  list(filter?: { workspaceId?: string; limit?: number }): Promise<StoredDeadLetter[]>;
  get(id: string, filter?: { workspaceId?: string }): Promise<StoredDeadLetter | null>;
  markReplayed(id: string): Promise<void>;
  /** A replay failed: the letter stays, with this error and one failure more. */
  markFailed(id: string, error: { code: string; message: string }): Promise<void>;
}

/** What the store needs of a Prisma client: raw queries (every generated client has them). */
interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

interface Row {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  event_id: string | null;
  event_type: string | null;
  workspace_id: string | null;
  error_code: string;
  error_message: string;
  raw_value: Uint8Array | null;
  failures: number;
  first_failed_at: Date | string;
  last_failed_at: Date | string;
  replayed_at: Date | string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL text holds no U+0000; an error message or key with one is kept readable instead of refused.
const text = (value: string | null) => (value === null ? null : value.replaceAll('\u0000', '\uFFFD'));
const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * The dead letters of one service, in its own schema (table `dead_letters`, created by each
 * service's migrations). Raw SQL, so that every service's generated client can use it.
 */
export function createDeadLetterStore(db: { prisma: RawClient; schema: string }): DeadLetterStore {
  // Read on first use, so that building an app for its API document needs no database.
  let name: string | undefined;
  const t = () => (name ??= `${quoteIdent(db.schema)}."dead_letters"`);
  const columns = `id::text AS id, consumer, topic, partition, "offset"::text AS "offset", key, event_id, event_type, workspace_id, error_code, error_message,
                   raw_value, failures, first_failed_at, last_failed_at, replayed_at`;
  const toLetter = (r: Row): StoredDeadLetter => ({
    id: r.id,
    consumer: r.consumer,
    topic: r.topic,
    partition: Number(r.partition),
    offset: r.offset,
    key: r.key,
    eventId: r.event_id,
    eventType: r.event_type,
    workspaceId: r.workspace_id,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    rawValue: r.raw_value ? Buffer.from(r.raw_value) : null,
    failures: Number(r.failures),
    firstFailedAt: date(r.first_failed_at),
    lastFailedAt: date(r.last_failed_at),
    replayedAt: r.replayed_at === null ? null : date(r.replayed_at),
  });
  return {
    async record(letters) {
      for (const l of letters) {
        await db.prisma.$executeRawUnsafe(
          `INSERT INTO ${t()} (id, consumer, topic, partition, "offset", key, event_id, event_type, workspace_id, error_code, error_message, raw_value,
                                 failures, first_failed_at, last_failed_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4::bigint, $5, $6, $7, $8, $9, $10, $11, 1, $12::timestamptz, $12::timestamptz)
           ON CONFLICT (consumer, topic, partition, "offset") DO UPDATE SET
             error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, failures = ${t()}.failures + 1,
             last_failed_at = EXCLUDED.last_failed_at, replayed_at = NULL`,
          l.consumer,
          l.topic,
          l.partition,
          l.offset,
          text(l.key),
          text(l.eventId),
          text(l.eventType),
          text(l.workspaceId),
          text(l.errorCode),
          text(l.errorMessage),
          l.rawValue ? new Uint8Array(l.rawValue) : null,
          l.failedAt.toISOString(),
        );
      }
    },
    async list(filter = {}) {
      const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
      const rows =
        filter.workspaceId === undefined
          ? await db.prisma.$queryRawUnsafe<Row[]>(`SELECT ${columns} FROM ${t()} ORDER BY first_failed_at DESC, id LIMIT ${limit}`)
          : await db.prisma.$queryRawUnsafe<Row[]>(
              `SELECT ${columns} FROM ${t()} WHERE workspace_id = $1 ORDER BY first_failed_at DESC, id LIMIT ${limit}`,
              filter.workspaceId,
            );
      return rows.map(toLetter);
    },
    async get(id, filter = {}) {
      if (!UUID.test(id)) return null;
      const rows = await db.prisma.$queryRawUnsafe<Row[]>(`SELECT ${columns} FROM ${t()} WHERE id = $1::uuid`, id);
      const [row] = rows;
      if (!row || (filter.workspaceId !== undefined && row.workspace_id !== filter.workspaceId)) return null;
      return toLetter(row);
    },
    async markReplayed(id) {
      await db.prisma.$executeRawUnsafe(`UPDATE ${t()} SET replayed_at = now() WHERE id = $1::uuid`, id);
    },
    async markFailed(id, error) {
      await db.prisma.$executeRawUnsafe(
        `UPDATE ${t()} SET error_code = $2, error_message = $3, failures = failures + 1, last_failed_at = now() WHERE id = $1::uuid`,
        id,
        text(error.code),
        text(error.message.slice(0, 2000)),
      );
    },
  };
}
