import type { EventBus } from '@herald/event-bus';
import { parseEvent } from '@herald/events';
import type { IngestionDb } from '@herald/ingestion-data-access';
import type { Logger } from '@herald/service-kit';

export interface OutboxRelay {
  /** Publishes everything pending; resolves when the outbox is empty. Concurrent calls share one run. */
  flush(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Publishes stored events after their transaction committed. Rows are marked published in the
 * same transaction that read them, after the broker acknowledged: a crash in between publishes
 * them again, and consumers deduplicate by event id. One relay at a time per database (a
 * transaction-scoped advisory lock), so replicas do not publish the same rows twice.
 */
export function createOutboxRelay(deps: { db: IngestionDb; bus: EventBus; logger: Logger; intervalMs?: number; batchSize?: number }): OutboxRelay {
  const batchSize = deps.batchSize ?? 5000;
  let current: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const publishBatch = () =>
    deps.db.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('herald.ingestion.outbox')) AS locked`;
        if (!lock?.locked) return 0;
        const rows = await tx.outboxEvent.findMany({ where: { publishedAt: null }, orderBy: { seq: 'asc' }, take: batchSize });
        if (rows.length === 0) return 0;
        await deps.bus.publish(rows.map((r) => parseEvent(r.payload)));
        await tx.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
        return rows.length;
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
