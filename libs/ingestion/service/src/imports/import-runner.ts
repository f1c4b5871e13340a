import type { OpenedImport } from './open-import.ts';
import { runImport, type RunImportDeps } from './run-import.ts';

export interface ImportRunner {
  /** Runs the job in the background; `onDone` runs after it ended, whatever the outcome. */
  start(job: { id: string; workspaceId: string }, opened: OpenedImport, onDone: () => Promise<void>): void;
  /** Resolves when no import is running (tests, the embedded mode's settle). */
  idle(): Promise<void>;
  /** Stops every import at its next row; each ends `failed` (IMPORT_INTERRUPTED), its committed chunks kept. */
  close(): Promise<void>;
}

/** Imports run in the process that received the upload, one promise each, awaited on shutdown. */
export function createImportRunner(deps: RunImportDeps): ImportRunner {
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  return {
    start(job, opened, onDone) {
      const run = runImport(deps, job, opened, abort.signal)
        .catch((error: unknown) => deps.logger.error({ err: error, jobId: job.id }, 'import crashed'))
        .finally(() => onDone().catch((error: unknown) => deps.logger.warn({ err: error }, 'import clean-up failed')))
        .finally(() => running.delete(run));
      running.add(run);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
    async close() {
      abort.abort();
      await Promise.all(running);
    },
  };
}
