import type { EventBus } from '@herald/event-bus';
import { InvalidEventError, parseEvent, type HeraldEvent } from '@herald/events';
import { Prisma, type IngestionDb, type IngestionTransaction } from '@herald/ingestion-data-access';
import type { Logger } from '@herald/service-kit';

import { oldestPendingOutboxAgeMs, quarantineOutboxRows, type Quarantined } from './failed-outbox.repository.ts';

export interface OutboxRelay {
  /** Publishes everything pending; resolves when the outbox is empty. Concurrent calls share one run. */
  flush(): Promise<number>;
  /**
   * Hands over events just committed to the outbox, so that publishing them needs no second read
   * of their payload. Only an optimisation: the outbox table stays the source of truth.
   */
  remember(events: readonly HeraldEvent[]): void;
  /** Age in ms of the oldest event waiting to be published (null when none waits), for /ready. */
  oldestPendingAgeMs(): Promise<number | null>;
  start(): void;
  stop(): Promise<void>;
}

export interface OutboxRelayDeps {
  db: IngestionDb;
  bus: EventBus;
  logger: Logger;
  intervalMs?: number;
  batchSize?: number;
  /** Events kept by `remember` at most; the oldest are dropped first (and read from the table when due). */
  rememberMax?: number;
  /** A backlog older than this is logged as a warning, again each time its age doubles (default 60 s). */
  backlogWarnMs?: number;
}

// Broker refusals of one message that sending it again cannot change (kafkajs protocol error types).
const POISON_BROKER_ERRORS = new Set(['MESSAGE_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_TIMESTAMP']);

/**
 * The code of a publish failure that lies in the event itself, or null for one that lies in the
 * broker or the network (an outage: retried, never moved aside). Walks the cause chain: the bus
 * wraps kafkajs errors, which wrap the broker's.
 */
export function poisonCodeOf(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; depth++, e = e.cause) {
    if (e instanceof InvalidEventError || (e as { code?: unknown }).code === 'EVENT_INVALID') return 'EVENT_INVALID';
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && POISON_BROKER_ERRORS.has(type)) return type;
  }
  return null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Publishes stored events after their transaction committed, in the order they were stored.
 * Rows are marked published in the same transaction that read them, after the broker
 * acknowledged: a crash in between publishes them again, and consumers deduplicate by event id.
 * One relay at a time per database (a transaction-scoped advisory lock), so replicas do not
 * publish the same rows twice.
 */
export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const batchSize = deps.batchSize ?? 5000;
  const rememberMax = deps.rememberMax ?? 20_000;
  const outbox = Prisma.raw(`"${deps.db.schema}"."outbox_events"`);
  const remembered = new Map<string, HeraldEvent>();
  let current: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** The events of these rows, in this order: from memory when handed over, else from the table. */
  const eventsOf = async (tx: IngestionTransaction, ids: readonly string[]): Promise<HeraldEvent[]> => {
    const missing = ids.filter((id) => !remembered.has(id));
    const read = new Map<string, HeraldEvent>();
    if (missing.length) {
      const rows = await tx.$queryRaw<{ id: string; payload: string }[]>`
        SELECT id::text AS id, payload::text AS payload FROM ${outbox} WHERE id = ANY(${missing}::uuid[])`;
      for (const row of rows) read.set(row.id, JSON.parse(row.payload) as HeraldEvent);
    }
    return ids.map((id) => {
      const event = remembered.get(id) ?? read.get(id);
      if (!event) throw new Error(`outbox event ${id} vanished while being published`);
      return event;
    });
  };

  /**
   * Sends the events; the ones that fail for a reason of their own are returned to be moved aside.
   * A batch refused as a whole is sent again one event at a time to find the culprit(s). A
   * transient failure throws after the events already acknowledged were counted, so that their
   * rows are marked published with the transaction, not sent again.
   */
  const send = async (ids: readonly string[], events: readonly HeraldEvent[], sent: string[]): Promise<Quarantined[]> => {
    const failed: Quarantined[] = [];
    const valid: HeraldEvent[] = [];
    events.forEach((event, i) => {
      try {
        valid.push(parseEvent(event));
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        // The row's id: a stored document too broken to be an envelope may have none of its own.
        failed.push({ id: ids[i] ?? '', code: 'EVENT_INVALID', message: messageOf(error) });
      }
    });
    try {
      await deps.bus.publish(valid);
      sent.push(...valid.map((e) => e.id));
      return failed;
    } catch (error) {
      if (poisonCodeOf(error) === null || valid.length === 0) throw error;
    }
    for (const event of valid) {
      try {
        await deps.bus.publish([event]);
        sent.push(event.id);
      } catch (error) {
        const code = poisonCodeOf(error);
        if (code === null) throw new PartialPublish(failed, error);
        failed.push({ id: event.id, code, message: messageOf(error) });
      }
    }
    return failed;
  };

  const publishBatch = () =>
    deps.db.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('herald.ingestion.outbox')) AS locked`;
        if (!lock?.locked) return { rows: 0, failure: null };
        // Plain SQL: through the query builder, reading and marking 5,000 rows cost more than publishing them.
        const ids = (await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM ${outbox} WHERE published_at IS NULL ORDER BY seq LIMIT ${batchSize}`).map(
          (r) => r.id,
        );
        if (ids.length === 0) return { rows: 0, failure: null };
        const sent: string[] = [];
        let failed: Quarantined[];
        let failure: unknown = null;
        try {
          failed = await send(ids, await eventsOf(tx, ids), sent);
        } catch (error) {
          // Nothing acknowledged: roll back and wait for the broker.
          if (!(error instanceof PartialPublish)) throw error;
          failed = error.failed;
          failure = error.cause;
        }
        if (sent.length > 0) await tx.$executeRaw`UPDATE ${outbox} SET published_at = ${new Date().toISOString()}::timestamptz WHERE id = ANY(${sent}::uuid[])`;
        if (failed.length > 0) {
          await quarantineOutboxRows(tx, deps.db.schema, failed, new Date());
          for (const f of failed)
            deps.logger.error(
              { eventId: f.id, errorCode: f.code, err: f.message },
              'outbox event cannot be published; moved aside (GET /v1/admin/outbox/failed)',
            );
        }
        for (const id of [...sent, ...failed.map((f) => f.id)]) remembered.delete(id);
        return { rows: failure ? 0 : sent.length + failed.length, failure };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );

  const run = async () => {
    let total = 0;
    for (;;) {
      const { rows, failure } = await publishBatch();
      // What was sent before a broker outage is marked; the outage itself is the caller's to retry.
      if (failure) throw failure;
      total += rows;
      if (rows < batchSize) return total;
    }
  };

  const oldestPendingAgeMs = () => oldestPendingOutboxAgeMs(deps.db);
  const backlogWarnMs = deps.backlogWarnMs ?? 60_000;
  let warnedAtMs = 0;
  /** Logs a growing backlog once per doubling of its age, and once when it is gone. */
  const watchBacklog = async () => {
    const age = await oldestPendingAgeMs();
    if (age !== null && age >= backlogWarnMs && age >= 2 * warnedAtMs) {
      warnedAtMs = age;
      deps.logger.warn(
        { oldestPendingAgeSeconds: Math.round(age / 1000) },
        'outbox backlog is growing: the oldest event waiting to be published is getting older',
      );
    } else if ((age === null || age < backlogWarnMs) && warnedAtMs > 0) {
      warnedAtMs = 0;
      deps.logger.info({ oldestPendingAgeSeconds: age === null ? 0 : Math.round(age / 1000) }, 'outbox backlog cleared');
    }
  };

  const flush = () => {
    current ??= run().finally(() => {
      current = null;
    });
    return current;
  };

  return {
    flush,
    oldestPendingAgeMs,
    remember(events) {
      for (const event of events) remembered.set(event.id, event);
      for (const id of remembered.keys()) {
        if (remembered.size <= rememberMax) break;
        remembered.delete(id);
      }
    },
    start() {
      timer ??= setInterval(() => {
        flush()
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'outbox relay failed; will retry'))
          .then(watchBacklog)
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not read the outbox backlog'));
      }, deps.intervalMs ?? 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await current?.catch(() => undefined);
    },
  };
}

/** A broker outage in the middle of a batch sent one by one: what was moved aside so far, and the outage. */
class PartialPublish extends Error {
  constructor(
    readonly failed: Quarantined[],
    override readonly cause: unknown,
  ) {
    super('publishing stopped part way', { cause });
  }
}
