import type { IngestionDb, IngestionTransaction } from '@herald/ingestion-data-access';

import { MAX_JOB_REJECTIONS, type ImportJobView, type ImportRejection } from '../api/import.schema.ts';

/** A job still "running" with no progress for this long died with its process. */
export const STALE_JOB_MS = 10 * 60 * 1000;

export interface ImportProgress {
  bytesRead: number;
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  /** The first MAX_JOB_REJECTIONS rejections; written only when `rejectionsChanged`. */
  rejections: ImportRejection[];
  rejectionsChanged: boolean;
}

type JobRow = NonNullable<Awaited<ReturnType<IngestionDb['prisma']['importJob']['findFirst']>>>;

export function toJobView(row: JobRow): ImportJobView {
  return {
    id: row.id,
    state: row.state as ImportJobView['state'],
    fileName: row.fileName,
    format: row.format,
    bytesTotal: row.bytesTotal,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejectedCount: row.rejectedCount,
    rejected: (row.rejections as ImportRejection[]).slice(0, MAX_JOB_REJECTIONS),
    error: row.errorCode || row.error ? { code: row.errorCode ?? 'IMPORT_FAILED', message: row.error ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function createImportJob(
  tx: IngestionTransaction,
  job: { workspaceId: string; fileName: string; format: string | null; kind: string | null; bytesTotal: number },
): Promise<JobRow> {
  return tx.importJob.create({ data: { ...job, state: 'running' } });
}

export async function saveProgress(tx: IngestionTransaction | IngestionDb['prisma'], id: string, progress: ImportProgress): Promise<void> {
  const { rejections, rejectionsChanged, ...counters } = progress;
  await tx.importJob.update({ where: { id }, data: { ...counters, ...(rejectionsChanged ? { rejections } : {}) } });
  progress.rejectionsChanged = false;
}

export async function finishImportJob(db: IngestionDb, id: string, progress: ImportProgress, failure?: { code: string; message: string }): Promise<void> {
  const { rejections, rejectionsChanged: _unused, ...counters } = progress;
  await db.prisma.importJob.update({
    where: { id },
    data: {
      ...counters,
      rejections,
      state: failure ? 'failed' : 'succeeded',
      errorCode: failure?.code ?? null,
      error: failure?.message ?? null,
      finishedAt: new Date(),
    },
  });
}

/** The job, if it belongs to the workspace; a job whose process died is reported (and recorded) as failed. */
export async function findImportJob(db: IngestionDb, workspaceId: string, id: string): Promise<ImportJobView | null> {
  const row = await db.prisma.importJob.findFirst({ where: { id, workspaceId } });
  if (!row) return null;
  if ((row.state === 'running' || row.state === 'queued') && row.updatedAt.getTime() < Date.now() - STALE_JOB_MS) {
    const failed = await db.prisma.importJob.update({
      where: { id },
      data: {
        state: 'failed',
        errorCode: 'IMPORT_INTERRUPTED',
        error: `The import stopped at row ${row.rowsRead + 1} when the service restarted. ${KEPT_ROWS_NOTE}`,
        finishedAt: new Date(),
      },
    });
    return toJobView(failed);
  }
  return toJobView(row);
}

/** What a failed job says about the rows it had stored: they stay, and a new upload completes the import. */
export const KEPT_ROWS_NOTE =
  'Rows stored before that point are kept (they are valid, and an item is never stored twice): upload the corrected file again to finish the import.';
