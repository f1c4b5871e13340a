import type { EventBus } from '@herald/event-bus';
import type { HeraldEvent } from '@herald/events';
import { Prisma, type IngestionDb, type IngestionTransaction } from '@herald/ingestion-data-access';
import type { Logger } from '@herald/service-kit';

export interface OutboxRelay {
  /** Publishes everything pending; resolves when the outbox is empty. Concurrent calls share one run. */
  flush(): Promise<number>;
  /**
   * Hands over events just committed to the outbox, so that publishing them needs no second read
   * of their payload. Only an optimisation: the outbox table stays the source of truth.
   */
  remember(events: readonly HeraldEvent[]): void;
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
}

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

  const publishBatch = () =>
    deps.db.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('herald.ingestion.outbox')) AS locked`;
        if (!lock?.locked) return 0;
        // Plain SQL: through the query builder, reading and marking 5,000 rows cost more than publishing them.
        const ids = (
          await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM ${outbox} WHERE published_at IS NULL ORDER BY seq LIMIT ${batchSize}`
        ).map((r) => r.id);
        if (ids.length === 0) return 0;
        // The bus checks every event against its schema before sending any.
        await deps.bus.publish(await eventsOf(tx, ids));
        await tx.$executeRaw`UPDATE ${outbox} SET published_at = ${new Date().toISOString()}::timestamptz WHERE id = ANY(${ids}::uuid[])`;
        for (const id of ids) remembered.delete(id);
        return ids.length;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );

  const run = async () => {
    let total = 0;
    for (;;) {
      const published = await publishBatch();
      total += published;
      if (published < batchSize) return total;
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
    remember(events) {
      for (const event of events) remembered.set(event.id, event);
      for (const id of remembered.keys()) {
        if (remembered.size <= rememberMax) break;
        remembered.delete(id);
      }
    },
    start() {
      timer ??= setInterval(() => {
        flush().catch((error: unknown) => deps.logger.warn({ err: error }, 'outbox relay failed; will retry'));
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
