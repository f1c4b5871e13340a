import { createReadStream, openAsBlob, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';

import {
  BATCH_KINDS,
  createIngestionClient,
  type BatchKind,
  type BatchItems,
  type ImportEncoding,
  type ImportFormat,
  type ImportJob,
  type IngestionClient,
} from '@herald/ingestion-client';
import { generateApiKey } from '@herald/ingestion-service';

import { openCommandStack } from '../embedded/command-stack.ts';
import { demoApiKey, findRunningStack } from '../embedded/data-dir.ts';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['auto', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok'];
export const IMPORT_ENCODINGS: readonly ImportEncoding[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
export { BATCH_KINDS };

export interface ImportCommandOptions {
  dataDir: string;
  file: string;
  /** JSON Lines in the batch item shape of this kind; without it the file is a CSV export. */
  kind?: BatchKind;
  format?: ImportFormat;
  /** Path of a column mapping (JSON). */
  mapping?: string;
  timeZone?: string;
  encoding?: ImportEncoding;
  /** A running ingestion service, and its API key; without them, the local herald (running or started here). */
  url?: string;
  key?: string;
  /** The workspace of an embedded stack started for this import. */
  workspaceId: string;
  /** Where the progress bar goes; null for none. */
  progress: NodeJS.WriteStream | null;
}

export interface ImportOutcome {
  rowsRead: number;
  accepted: number;
  duplicates: number;
  /** Rejected rows (for CSV, the first 1,000; `rejectedCount` has them all). */
  rejected: { row: number; reason: string; field?: string }[];
  rejectedCount: number;
  format: string | null;
  error: { code: string; message: string } | null;
}

/** Items per request for JSON Lines, and a byte budget well under the API's body limit. */
const BATCH_ITEMS = 5000;
const BATCH_BYTES = 8 * 1024 * 1024;
/** Rejections listed, as for CSV imports; the count covers them all. */
const MAX_LISTED_REJECTIONS = 1000;

/**
 * `herald import`: a CSV export through POST /v1/imports, or JSON Lines through the batch
 * routes, against a given service, the local `herald start`, or an embedded stack started for
 * the occasion (which settles, so analytics has the data, before it stops).
 */
export async function runImportCommand(options: ImportCommandOptions): Promise<ImportOutcome> {
  if (!options.kind && ['.jsonl', '.ndjson'].includes(extname(options.file).toLowerCase())) {
    throw new Error(`${options.file} looks like JSON Lines: say what it holds with --kind ${BATCH_KINDS.join('|')}`);
  }
  statSync(options.file); // a missing file fails here, before any service starts
  const target = await connect(options);
  try {
    const client = createIngestionClient({ baseUrl: target.url, apiKey: target.apiKey });
    const outcome = options.kind ? await importJsonLines(client, options.kind, options) : await importCsv(client, options);
    await target.settle();
    return outcome;
  } finally {
    await target.close();
  }
}

async function connect(options: ImportCommandOptions): Promise<{ url: string; apiKey: string; settle(): Promise<void>; close(): Promise<void> }> {
  const none = async () => undefined;
  if (options.url) {
    const apiKey = options.key ?? process.env.HERALD_API_KEY;
    if (!apiKey) throw new Error('--url needs --key (or HERALD_API_KEY): the API key of the workspace to import into');
    return { url: options.url.replace(/\/$/, ''), apiKey, settle: none, close: none };
  }
  const running = findRunningStack(options.dataDir);
  if (running?.urls.ingestion) return { url: running.urls.ingestion, apiKey: options.key ?? demoApiKey(options.dataDir, generateApiKey), settle: none, close: none };

  const stack = await openCommandStack(options);
  return { url: stack.urls.ingestion, apiKey: stack.apiKey, settle: stack.settle, close: stack.close };
}

async function importCsv(client: IngestionClient, options: ImportCommandOptions): Promise<ImportOutcome> {
  const bar = progressBar(options.progress);
  bar.update(0, 1, 'uploading');
  const job = await client.startImport({
    file: await openAsBlob(options.file),
    fileName: basename(options.file),
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mapping: readFileSync(options.mapping, 'utf8') } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  const done = await client.waitForImport(job.id, {
    intervalMs: 250,
    onProgress: (j: ImportJob) => bar.update(j.bytesRead, j.bytesTotal ?? 0, `${j.rowsRead.toLocaleString('en-US')} rows`),
  });
  bar.done();
  return {
    rowsRead: done.rowsRead,
    accepted: done.accepted,
    duplicates: done.duplicates,
    rejected: done.rejected,
    rejectedCount: done.rejectedCount,
    format: done.format,
    error: done.error,
  };
}

async function importJsonLines(client: IngestionClient, kind: BatchKind, options: ImportCommandOptions): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { rowsRead: 0, accepted: 0, duplicates: 0, rejected: [], rejectedCount: 0, format: `JSON Lines (${kind})`, error: null };
  const reject = (row: number, reason: string, field?: string) => {
    outcome.rejectedCount++;
    if (outcome.rejected.length < MAX_LISTED_REJECTIONS) outcome.rejected.push({ row, reason, ...(field ? { field } : {}) });
  };
  const total = statSync(options.file).size;
  const stream = createReadStream(options.file);
  const bar = progressBar(options.progress);
  let batch: { line: number; item: unknown }[] = [];
  let batchBytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    batchBytes = 0;
    // Items go out as read: the API checks each one and lists the bad ones.
    const result = await client.sendBatch(kind, sent.map((b) => b.item) as BatchItems[BatchKind][]);
    outcome.accepted += result.accepted;
    outcome.duplicates += result.duplicates;
    for (const r of result.rejected) reject(sent[r.index]?.line ?? 0, r.reason, r.field || undefined);
    bar.update(stream.bytesRead, total, `${outcome.rowsRead.toLocaleString('en-US')} lines`);
  };
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    outcome.rowsRead++;
    try {
      batch.push({ line, item: JSON.parse(text) as unknown });
      batchBytes += text.length;
    } catch (error) {
      reject(line, `not valid JSON: ${(error as Error).message}`);
    }
    if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) await send();
  }
  await send();
  bar.done();
  outcome.rejected.sort((a, b) => a.row - b.row);
  return outcome;
}

/** A one-line bar on stderr, redrawn at most ten times a second; nothing when not on a terminal. */
function progressBar(out: NodeJS.WriteStream | null) {
  let last = 0;
  return {
    update(done: number, total: number, label: string) {
      if (!out || Date.now() - last < 100) return;
      last = Date.now();
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${label}\x1b[K`);
    },
    done() {
      out?.write('\r\x1b[K');
    },
  };
}

/** The summary for people, or with `json` the one JSON object scripts read. */
export function formatImportOutcome(outcome: ImportOutcome, options: { json: boolean; file: string }): string {
  if (options.json) {
    const { rowsRead, accepted, duplicates, rejected, error } = outcome;
    return `${JSON.stringify({ rowsRead, accepted, duplicates, rejected, ...(error ? { error } : {}) })}\n`;
  }
  const n = (v: number) => v.toLocaleString('en-US').padStart(10);
  const lines = [
    `${outcome.error ? 'Import failed' : 'Imported'} ${basename(options.file)}${outcome.format ? ` (${outcome.format})` : ''}`,
    `  rows read   ${n(outcome.rowsRead)}`,
    `  accepted    ${n(outcome.accepted)}`,
    `  duplicates  ${n(outcome.duplicates)}`,
    `  rejected    ${n(outcome.rejectedCount)}`,
    ...outcome.rejected.slice(0, 20).map((r) => `    row ${r.row}: ${r.field ? `${r.field}: ` : ''}${r.reason}`),
    ...(outcome.rejectedCount > 20 ? [`    … ${outcome.rejectedCount - 20} more (--json lists ${Math.min(outcome.rejected.length, 1000)})`] : []),
    ...(outcome.error ? [`  ${outcome.error.code}: ${outcome.error.message}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
