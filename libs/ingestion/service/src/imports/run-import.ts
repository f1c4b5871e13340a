import type { IngestionDb } from '@herald/ingestion-data-access';
import { isImportError, type ImportRecord } from '@herald/ingestion-imports';
import { findBadText, type Logger } from '@herald/service-kit';
import { Compile } from 'typebox/compile';

import { FollowersItemSchema, MentionItemSchema, MetricsItemSchema, PostItemSchema } from '../api/batch.schema.ts';
import { MAX_JOB_REJECTIONS, type ImportRejection } from '../api/import.schema.ts';
import { ingestItems } from '../ingest-items.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';
import { prepareFollowers, prepareMention, prepareMetrics, preparePost, type PreparedItem } from '../prepare-items.ts';
import { describeErrors, type SchemaError } from '../validate-items.ts';
import { finishImportJob, KEPT_ROWS_NOTE, saveProgress, type ImportProgress } from './import-job.repository.ts';
import type { OpenedImport } from './open-import.ts';

/** Items stored per transaction: short enough not to hold the database, long enough to be cheap per row. */
export const IMPORT_CHUNK_ITEMS = 2000;
const PROGRESS_EVERY_MS = 2000;

export interface RunImportDeps {
  db: IngestionDb;
  relay: OutboxRelay;
  logger: Logger;
  chunkItems?: number;
}

interface Checker {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<SchemaError>;
}

/** The parser checks its records against the same schemas; this re-check is the cheap compiled one, and guards the outbox. */
const checkers: Record<'post' | 'metrics' | 'followers' | 'mention', Checker> = {
  post: Compile(PostItemSchema),
  metrics: Compile(MetricsItemSchema),
  followers: Compile(FollowersItemSchema),
  mention: Compile(MentionItemSchema),
};

function prepareRecord(workspaceId: string, record: ImportRecord): PreparedItem | ImportRejection | null {
  const checked = <T>(kind: keyof typeof checkers, item: T, prepare: (ws: string, row: number, item: T) => PreparedItem) => {
    const checker = checkers[kind];
    // JSON Lines can spell a NUL as \u0000; PostgreSQL stores no such text (the CSV parser rejects it per cell).
    const bad = findBadText(item, '');
    if (bad) return { row: record.row, field: bad.field.replace(/^\./, ''), reason: bad.message };
    if (checker.Check(item)) return prepare(workspaceId, record.row, item);
    return { row: record.row, ...describeErrors(checker.Errors(item)) };
  };
  switch (record.kind) {
    case 'post':
      return checked('post', record.metrics ? { ...record.post, metrics: record.metrics } : record.post, preparePost);
    case 'metrics':
      return checked('metrics', { network: record.network, networkPostId: record.networkPostId, metrics: record.metrics }, prepareMetrics);
    case 'followers':
      return checked('followers', record.item, prepareFollowers);
    case 'mention':
      return checked('mention', record.mention, prepareMention);
    case 'rejected':
      return { row: record.row, reason: record.reason, ...(record.field ? { field: record.field } : {}) };
    case 'duplicate':
      return null;
  }
}

/** What the parser saw since the last chunk was cut: counted into the job when that chunk commits. */
interface ParsedDelta {
  rows: number;
  duplicates: number;
  rejections: ImportRejection[];
}

const emptyDelta = (): ParsedDelta => ({ rows: 0, duplicates: 0, rejections: [] });

/**
 * Stores an import's rows in chunks, each chunk in one transaction through the same path as the
 * batch API, with the job's counters updated in that transaction: what the job reports is what
 * is stored. The next chunk is parsed while one commits. A file-level error after some chunks
 * fails the job and keeps those chunks (their items are valid and idempotent, so uploading the
 * file again finishes the import).
 */
export async function runImport(deps: RunImportDeps, job: { id: string; workspaceId: string }, opened: OpenedImport, signal: AbortSignal): Promise<void> {
  const chunkItems = deps.chunkItems ?? IMPORT_CHUNK_ITEMS;
  /** The job as stored: changed only by commits, one at a time. */
  const committed: ImportProgress = { bytesRead: 0, rowsRead: 0, accepted: 0, duplicates: 0, rejectedCount: 0, rejections: [], rejectionsChanged: false };
  let rowsSeen = 0;
  let chunk: PreparedItem[] = [];
  let delta = emptyDelta();
  let inFlight: Promise<void> = Promise.resolve();
  let lastCut = Date.now();

  const commit = async (items: PreparedItem[], parsed: ParsedDelta, bytesRead: number) => {
    // Counted on a copy, kept only once the chunk committed: the job never reports rows the store lacks.
    const next = { ...committed, rejections: [...committed.rejections], bytesRead, rowsRead: committed.rowsRead + parsed.rows };
    next.duplicates += parsed.duplicates;
    const { events } = await ingestItems(deps.db, job.workspaceId, items, {
      onBackgroundError: (error) => deps.logger.warn({ err: error }, 'refreshing table statistics failed'),
      afterWrite: async (tx, outcome) => {
        next.accepted += outcome.accepted.length;
        next.duplicates += outcome.duplicates.length;
        const stored = outcome.rejected.map((r) => ({ row: r.index, field: r.field, reason: r.reason }));
        for (const r of [...parsed.rejections, ...stored].sort((a, b) => a.row - b.row)) rejectInto(next, r);
        await saveProgress(tx, job.id, next);
      },
    });
    Object.assign(committed, next);
    deps.relay.remember(events);
    deps.relay.flush().catch((error: unknown) => deps.logger.warn({ err: error }, 'publish deferred to the outbox relay'));
  };

  /** Hands the chunk to a commit once the previous one is done: one commits while the next is parsed. */
  const cut = async () => {
    await inFlight;
    const items = chunk;
    const parsed = delta;
    chunk = [];
    delta = emptyDelta();
    lastCut = Date.now();
    inFlight = commit(items, parsed, opened.bytesRead());
    // Awaited by the next cut or at the end; this only keeps it from counting as unhandled meanwhile.
    inFlight.catch(() => undefined);
  };

  try {
    for await (const record of opened.records) {
      if (signal.aborted) throw new ImportInterrupted(rowsSeen);
      rowsSeen++;
      delta.rows++;
      const prepared = prepareRecord(job.workspaceId, record);
      if (prepared === null) delta.duplicates++;
      else if ('kind' in prepared) chunk.push(prepared);
      else delta.rejections.push(prepared);
      // Rows that store nothing (rejected, repeated) still move the progress bar.
      if (chunk.length >= chunkItems || Date.now() - lastCut > PROGRESS_EVERY_MS) await cut();
    }
    await cut();
    await inFlight;
    await finishImportJob(deps.db, job.id, committed);
  } catch (error) {
    await inFlight.catch(() => undefined);
    await opened.close().catch(() => undefined);
    const failure = failureOf(error, rowsSeen);
    if (failure.code === 'IMPORT_FAILED') deps.logger.error({ err: error, jobId: job.id }, 'import failed');
    // Counters of rows that did not commit are not in the store: report what is, and how far the file was read.
    await finishImportJob(deps.db, job.id, { ...committed, rowsRead: rowsSeen }, failure).catch((e: unknown) =>
      deps.logger.error({ err: e, jobId: job.id }, 'could not record the failed import'),
    );
  }
}

function rejectInto(progress: ImportProgress, rejection: ImportRejection): void {
  progress.rejectedCount++;
  if (progress.rejections.length < MAX_JOB_REJECTIONS) {
    progress.rejections.push(rejection);
    progress.rejectionsChanged = true;
  }
}

class ImportInterrupted extends Error {
  constructor(readonly rowsRead: number) {
    super('interrupted');
  }
}

function failureOf(error: unknown, rowsRead: number): { code: string; message: string } {
  if (error instanceof ImportInterrupted) {
    return { code: 'IMPORT_INTERRUPTED', message: `The import stopped after ${error.rowsRead} rows because the service shut down. ${KEPT_ROWS_NOTE}` };
  }
  if (isImportError(error)) return { code: error.code, message: `${error.message}. ${KEPT_ROWS_NOTE}` };
  return { code: 'IMPORT_FAILED', message: `The import failed after ${rowsRead} rows (internal error; see the service log). ${KEPT_ROWS_NOTE}` };
}
