import { openAsBlob } from 'node:fs';

import { peakRssMiB } from './bench-env.ts';
import { waitForPublished } from './outbox-drain.ts';
import type { RunningService } from './start-service.ts';

export interface ImportResult {
  rows: number;
  accepted: number;
  /** Rows per second from the start of the upload until the job succeeded. */
  rowsPerSecond: number;
  /** Rows per second until the last event was acknowledged by Kafka. */
  publishedPerSecond: number;
  uploadSeconds: number;
  seconds: number;
  peakRssMiB: number;
}

/** Uploads the file to POST /v1/imports and polls the job until it ends. */
export async function measureImport(options: { service: RunningService; apiKey: string; schema: string; file: string }): Promise<ImportResult> {
  const form = new FormData();
  form.set('format', 'x');
  form.set('file', await openAsBlob(options.file), 'bench-export.csv');
  const started = performance.now();
  const res = await fetch(`${options.service.url}/v1/imports`, { method: 'POST', headers: { 'x-api-key': options.apiKey }, body: form });
  if (res.status !== 202) throw new Error(`the upload answered ${res.status}: ${await res.text()}`);
  const uploadSeconds = (performance.now() - started) / 1000;
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${options.service.url}/v1/imports/${id}`, { headers: { 'x-api-key': options.apiKey } })).json()) as {
      state: string;
      rowsRead: number;
      accepted: number;
      error: unknown;
    };
    if (job.state === 'failed') throw new Error(`the import failed: ${JSON.stringify(job.error)}`);
    if (job.state === 'succeeded') {
      const seconds = (performance.now() - started) / 1000;
      await waitForPublished(options.schema, job.accepted);
      const published = (performance.now() - started) / 1000;
      return {
        rows: job.rowsRead,
        accepted: job.accepted,
        rowsPerSecond: job.rowsRead / seconds,
        publishedPerSecond: job.rowsRead / published,
        uploadSeconds,
        seconds,
        peakRssMiB: peakRssMiB(options.service.child.pid ?? 0),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
