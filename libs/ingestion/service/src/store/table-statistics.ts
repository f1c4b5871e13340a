import type { IngestionDb } from '@herald/ingestion-data-access';

interface Counter {
  sinceAnalyze: number;
  atLastAnalyze: number;
  running: boolean;
}

const counters = new WeakMap<IngestionDb, Counter>();

/**
 * Keeps the planner's row count of ingested_items close to the truth while a workspace grows fast
 * (a large import, a first backfill). With the count of an empty table, PostgreSQL answers "which of
 * these 2,000 keys exist" by reading every row of the workspace: an import then slows down with
 * every chunk. Autovacuum does the same, but wakes once a minute at best (and may be off).
 * ANALYZE samples, so it costs about the same on a large table as on a small one.
 */
export function noteItemsInserted(db: IngestionDb, count: number, onError: (error: unknown) => void): void {
  let counter = counters.get(db);
  if (!counter) counters.set(db, (counter = { sinceAnalyze: 0, atLastAnalyze: 0, running: false }));
  counter.sinceAnalyze += count;
  if (counter.running || counter.sinceAnalyze < Math.max(5_000, counter.atLastAnalyze / 2)) return;
  const state = counter;
  state.running = true;
  state.atLastAnalyze += state.sinceAnalyze;
  state.sinceAnalyze = 0;
  db.prisma
    .$executeRawUnsafe(`ANALYZE "${db.schema}"."ingested_items"`)
    .catch(onError)
    .finally(() => {
      state.running = false;
    });
}
