import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemoryEventBus } from '@herald/event-bus';
import { createIngestionDb } from '@herald/ingestion-data-access';
import { bootstrapWorkspace, buildIngestionApp, createOutboxRelay } from '@herald/ingestion-service';
import { createLogger, type ServiceApp } from '@herald/service-kit';

import { fetchSummary } from './analytics-summary.command.ts';
import { formatImportOutcome, runImportCommand, type ImportCommandOptions } from './import.command.ts';

const KEY = 'hk_cli_test_key_0123456789abcdefgh';
const SAMPLE = resolve(
  process.env['HERALD_SHARED_DATA'] || resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data'),
  'exports/x-twitter/tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv',
);
const hasSample = existsSync(SAMPLE);
if (!hasSample) console.warn(`Skipping the CSV import tests: ${SAMPLE} not found (set HERALD_SHARED_DATA)`);

const post = (id: string) => ({ network: 'x', networkPostId: id, publishedAt: '2026-01-05T10:00:00Z', text: `post ${id}` });

describe('herald import against a running ingestion service (--url, --key)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-import-'));
  let app: ServiceApp;
  let close: () => Promise<void>;
  let options: Omit<ImportCommandOptions, 'file'>;

  beforeAll(async () => {
    const logger = createLogger({ name: 'test', level: 'silent' });
    const db = createIngestionDb({ kind: 'pglite' });
    await db.migrate();
    const bus = createMemoryEventBus({ logger });
    await bus.ensureTopics();
    await bootstrapWorkspace(db, { workspaceId: 'cli', apiKey: KEY });
    const relay = createOutboxRelay({ db, bus, logger });
    app = await buildIngestionApp({ logger, db, bus, relay });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    options = { dataDir: join(dir, 'data'), url, key: KEY, workspaceId: 'cli', progress: null };
    close = async () => {
      await app.close();
      await relay.stop();
      await bus.close();
      await db.close();
    };
  }, 60_000);
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasSample)('imports a CSV export and sums it up', async () => {
    const outcome = await runImportCommand({ ...options, file: SAMPLE });
    expect(outcome).toMatchObject({ rowsRead: 37, accepted: 37, duplicates: 0, rejected: [], format: 'x-tweet-activity v1', error: null });
    expect(formatImportOutcome(outcome, { json: false, file: SAMPLE })).toMatch(/^Imported tweet_activity.*\(x-tweet-activity v1\)\n {2}rows read +37\n {2}accepted +37\n/);
    const again = await runImportCommand({ ...options, file: SAMPLE });
    expect(JSON.parse(formatImportOutcome(again, { json: true, file: SAMPLE }))).toEqual({ rowsRead: 37, accepted: 0, duplicates: 37, rejected: [] });
  });

  it('imports JSON Lines, naming rejected lines by number', async () => {
    const file = join(dir, 'posts.jsonl');
    const lines = [post('j1'), post('j2'), '', '{"network": "x",', post('j1'), { ...post('j3'), network: 'myspace' }];
    writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    const outcome = await runImportCommand({ ...options, file, kind: 'posts' });
    expect(JSON.parse(formatImportOutcome(outcome, { json: true, file }))).toEqual({
      rowsRead: 5,
      accepted: 2,
      duplicates: 1,
      rejected: [
        { row: 4, reason: expect.stringMatching(/^not valid JSON/) },
        { row: 6, field: 'network', reason: expect.stringMatching(/^must be one of x, facebook/) },
      ],
    });
  });

  it('reports metrics for posts never sent as rejected lines', async () => {
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, `${JSON.stringify({ network: 'x', networkPostId: 'ghost', metrics: { capturedAt: '2026-01-06T00:00:00Z', impressions: 1 } })}\n`);
    const outcome = await runImportCommand({ ...options, file, kind: 'metrics' });
    expect(outcome).toMatchObject({ rowsRead: 1, accepted: 0, rejectedCount: 1, rejected: [{ row: 1, field: 'networkPostId' }] });
  });

  it('draws a progress bar on the stream it is given, and clears it', async () => {
    const file = join(dir, 'more.jsonl');
    writeFileSync(file, [post('k1'), post('k2')].map((p) => JSON.stringify(p)).join('\n'));
    const written: string[] = [];
    const progress = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    await runImportCommand({ ...options, file, kind: 'posts', progress });
    expect(written.join('')).toMatch(/\[#+\.*\] +\d+% {2}2 lines/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('fails with the API\'s code and message for a file that is not CSV', async () => {
    const file = join(dir, 'picture.csv');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await expect(runImportCommand({ ...options, file })).rejects.toMatchObject({ code: 'IMPORT_NOT_CSV', status: 422 });
  });

  it('asks for --kind for a JSON Lines file, and for --key with --url', async () => {
    await expect(runImportCommand({ ...options, file: join(dir, 'posts.jsonl') })).rejects.toThrow(/--kind posts\|metrics\|followers\|mentions/);
    const saved = process.env.HERALD_API_KEY;
    delete process.env.HERALD_API_KEY;
    await expect(runImportCommand({ ...options, key: undefined, file: join(dir, 'posts.jsonl'), kind: 'posts' })).rejects.toThrow(/--url needs --key/);
    if (saved !== undefined) process.env.HERALD_API_KEY = saved;
  });
});

describe.skipIf(!hasSample)('herald import without a running herald (embedded stack on the data dir)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-import-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'imports into the data dir so that analytics reports the export afterwards',
    async () => {
      const outcome = await runImportCommand({ dataDir, file: SAMPLE, workspaceId: 'demo', progress: null });
      expect(outcome).toMatchObject({ rowsRead: 37, accepted: 37 });
      const summary = await fetchSummary({ dataDir, from: '2017-01-01', to: '2017-02-01', workspaceId: 'demo', json: true });
      // The sample's README: 37 tweets with 103,068 impressions in January 2017.
      expect(summary).toMatchObject({ posts: 37, impressions: 103_068 });
    },
    180_000,
  );
});
