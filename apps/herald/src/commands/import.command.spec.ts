import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemoryEventBus } from '@herald/event-bus';
import { BATCH_KINDS as CLIENT_BATCH_KINDS } from '@herald/ingestion-client';
import { createIngestionDb } from '@herald/ingestion-data-access';
import { bootstrapWorkspace, buildIngestionApp, createOutboxRelay } from '@herald/ingestion-service';
import { createLogger, type ServiceApp } from '@herald/service-kit';

import { BATCH_KINDS } from '../cli-options.ts';
import { fetchSummary } from './analytics-summary.command.ts';
import { formatImportOutcome, importExitCode, runImportCommand, type ImportCommandOptions } from './import.command.ts';

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
    expect(formatImportOutcome(outcome, { json: false, file: SAMPLE })).toMatch(
      /^Imported tweet_activity.*\(x-tweet-activity v1\)\n {2}into {8}the ingestion service at http:\/\/127\.0\.0\.1:\d+ \(workspace "cli"\)\n {2}rows read +37\n {2}accepted +37\n/,
    );
    expect(importExitCode(outcome)).toBe(0);
    // Duplicates only: not a failure, and said plainly.
    const again = await runImportCommand({ ...options, file: SAMPLE });
    expect(JSON.parse(formatImportOutcome(again, { json: true, file: SAMPLE }))).toEqual({
      rowsRead: 37,
      accepted: 0,
      duplicates: 37,
      rejected: [],
      rejectedCount: 0,
      target: { kind: 'url', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), workspaceId: 'cli' },
    });
    expect(formatImportOutcome(again, { json: false, file: SAMPLE })).toMatch(
      /^Nothing new in tweet_activity\S+ \(x-tweet-activity v1\): all 37 rows were imported before \(duplicates\)\n/,
    );
    expect(importExitCode(again)).toBe(0);
  });

  it('imports JSON Lines, naming rejected lines by number', async () => {
    const file = join(dir, 'posts.jsonl');
    const lines = [post('j1'), post('j2'), '', '{"network": "x",', post('j1'), { ...post('j3'), network: 'myspace' }];
    writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    const outcome = await runImportCommand({ ...options, file, kind: 'posts' });
    expect(JSON.parse(formatImportOutcome(outcome, { json: true, file }))).toMatchObject({
      rowsRead: 5,
      accepted: 2,
      duplicates: 1,
      rejected: [
        { row: 4, reason: expect.stringMatching(/^not valid JSON/) },
        { row: 6, field: 'network', reason: expect.stringMatching(/^must be one of x, facebook/) },
      ],
      rejectedCount: 2,
    });
    expect(formatImportOutcome(outcome, { json: false, file })).toMatch(
      /^Imported posts\.jsonl \(JSON Lines, posts\): 2 items, 2 rejected\n[^]*\n {4}line 4: not valid JSON[^]*\n {4}line 6: network: must be one of/,
    );
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
    expect(written.join('')).toMatch(/\[#+\.*\] +\d+% {2}2 items/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it("fails with the API's code and message for a file that is not CSV", async () => {
    const file = join(dir, 'picture.csv');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await expect(runImportCommand({ ...options, file })).rejects.toMatchObject({
      message: 'picture.csv: the file is a PNG image, not a CSV file (IMPORT_NOT_CSV)',
      exitCode: 1,
    });
  });

  it('asks for --kind for a JSON Lines file, and for --key with --url', async () => {
    await expect(runImportCommand({ ...options, file: join(dir, 'posts.jsonl') })).rejects.toMatchObject({
      message: expect.stringMatching(/--kind posts\|metrics\|followers\|mentions$/),
      exitCode: 2,
    });
    const saved = process.env.HERALD_API_KEY;
    delete process.env.HERALD_API_KEY;
    await expect(runImportCommand({ ...options, key: undefined, file: join(dir, 'posts.jsonl'), kind: 'posts' })).rejects.toThrow(/--url needs --key/);
    if (saved !== undefined) process.env.HERALD_API_KEY = saved;
  });

  it('fails (exit 1) when every row is rejected, without saying "Imported"', async () => {
    const file = join(dir, 'all-bad.jsonl');
    writeFileSync(file, [{ ...post('b1'), network: 'myspace' }, 'not json'].map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    const outcome = await runImportCommand({ ...options, file, kind: 'posts' });
    expect(importExitCode(outcome)).toBe(1);
    const text = formatImportOutcome(outcome, { json: false, file });
    expect(text).toMatch(/^Nothing imported: all 2 items of all-bad\.jsonl \(JSON Lines, posts\) were rejected\n/);
    expect(text).toMatch(/\n {4}line 1: network: must be one of[^\n]*\n {4}line 2: not valid JSON/);
    expect(text).not.toMatch(/Imported/);
  });

  it('fails (exit 1) for a JSON Lines file with no items, and for an empty file before any request', async () => {
    const blank = join(dir, 'blank.jsonl');
    writeFileSync(blank, '\n\n');
    const outcome = await runImportCommand({ ...options, file: blank, kind: 'posts' });
    expect(importExitCode(outcome)).toBe(1);
    expect(formatImportOutcome(outcome, { json: false, file: blank })).toMatch(/^Nothing imported: blank\.jsonl \(JSON Lines, posts\) holds no items\n/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(runImportCommand({ ...options, url: 'http://127.0.0.1:9', file: empty })).rejects.toMatchObject({
      message: `${empty} is empty (0 bytes): nothing to import`,
      exitCode: 1,
    });
  });

  it('imports a JSON array of items with --kind, naming rejected items by the line they start on', async () => {
    const file = join(dir, 'posts.json');
    const items = [post('a1'), { ...post('a2'), text: 'a ] and a } and a \\" inside' }, { ...post('a3'), network: 'myspace' }];
    writeFileSync(file, `[\n${items.map((i) => `  ${JSON.stringify(i, null, 1).replace(/\n/g, ' ')}`).join(',\n')}\n]\n`);
    const outcome = await runImportCommand({ ...options, file, kind: 'posts' });
    expect(outcome).toMatchObject({ rowsRead: 3, accepted: 2, rejectedCount: 1, rejected: [{ row: 4, field: 'network' }], format: 'JSON array, posts' });
  });

  it('says a .json file is JSON, not CSV: --kind with the real kinds, a JSON array or JSON Lines; jq for items inside an object', async () => {
    const array = join(dir, 'export.json');
    writeFileSync(array, JSON.stringify([post('x1')]));
    await expect(runImportCommand({ ...options, file: array })).rejects.toMatchObject({
      message: `${array} is JSON, not a CSV export: say what its items are with --kind ${CLIENT_BATCH_KINDS.join('|')}`,
      exitCode: 2,
      hints: [expect.stringMatching(/JSON Lines \(one item per line\) or one JSON array of items/)],
    });
    const wrapped = join(dir, 'wrapped.json');
    writeFileSync(wrapped, JSON.stringify({ data: [post('x1')] }, null, 2));
    await expect(runImportCommand({ ...options, file: wrapped })).rejects.toMatchObject({
      exitCode: 2,
      hints: [expect.stringContaining(`jq -c '.data[]' ${wrapped} > items.jsonl`)],
    });
    await expect(runImportCommand({ ...options, file: wrapped, kind: 'posts' })).rejects.toMatchObject({
      message: expect.stringMatching(/holds one JSON object over several lines/),
      exitCode: 2,
      hints: [expect.stringContaining("jq -c '.data[]'")],
    });
  });

  it('explains an X export in another language: the languages Herald reads, --mapping and --format', async () => {
    const file = join(dir, 'tweet_activity_metrics_acme_20170101_20170201_es.csv');
    writeFileSync(file, '"ID del Tweet","texto del Tweet","hora","impresiones"\n1,hola,2017-01-02 10:00 +0000,5\n');
    const error = await runImportCommand({ ...options, file }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/^tweet_activity\S+_es\.csv: the header row is not a native export Herald recognises \(IMPORT_UNKNOWN_FORMAT\)/),
    });
    const hints = (error as { hints: string[] }).hints;
    expect(hints[0]).toMatch(
      /^the file name says it is an X export in Spanish\. Herald reads X, LinkedIn and TikTok exports in English; Facebook and Instagram exports in English, Spanish, French, German and Portuguese/,
    );
    expect(hints).toContainEqual(expect.stringMatching(/^--mapping <file\.json>/));
    expect(hints).toContainEqual(expect.stringMatching(/^--format x\|facebook\|instagram\|linkedin\|tiktok/));
  });

  it('tells a missing file, a folder and a missing mapping in plain words (exit 2), before any request', async () => {
    const unreachable = { ...options, url: 'http://127.0.0.1:9' };
    const missing = await runImportCommand({ ...unreachable, file: join(dir, 'nope.csv') }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ message: `--file ${join(dir, 'nope.csv')}: no such file`, exitCode: 2 });
    expect(String((missing as Error).message)).not.toMatch(/ENOENT/);
    const folder = join(dir, 'exports');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'march.csv'), 'a\n');
    await expect(runImportCommand({ ...unreachable, file: folder })).rejects.toMatchObject({
      message: `--file ${folder} is a folder, not a file`,
      exitCode: 2,
      hints: [expect.stringContaining('march.csv')],
    });
    const csv = join(folder, 'march.csv');
    await expect(runImportCommand({ ...unreachable, file: csv, mapping: join(dir, 'mapping.json') })).rejects.toMatchObject({
      message: `--mapping ${join(dir, 'mapping.json')}: no such file`,
      exitCode: 2,
    });
  });

  // Root reads any file whatever its mode, so the check can only be made as another user.
  it.skipIf(process.getuid?.() === 0)('tells an unreadable file in plain words (exit 2)', async () => {
    const file = join(dir, 'locked.csv');
    writeFileSync(file, 'a\n');
    chmodSync(file, 0o000);
    await expect(runImportCommand({ ...options, file })).rejects.toMatchObject({ message: `--file ${file}: cannot read it, permission denied`, exitCode: 2 });
  });

  it('lists the batch kinds the ingestion client knows', () => {
    expect([...BATCH_KINDS].sort()).toEqual([...CLIENT_BATCH_KINDS].sort());
  });
});

describe.skipIf(!hasSample)('herald import without a running herald (embedded stack on the data dir)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-import-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports into the data dir so that analytics reports the export afterwards', async () => {
    const outcome = await runImportCommand({ dataDir, file: SAMPLE, workspaceId: 'demo', progress: null });
    expect(outcome).toMatchObject({ rowsRead: 37, accepted: 37, target: { kind: 'embedded', dataDir, workspaceId: 'demo' } });
    expect(formatImportOutcome(outcome, { json: false, file: SAMPLE })).toContain(
      `\n  into        the data folder ${dataDir} (workspace "demo"; herald started for this import and stopped)\n`,
    );
    const summary = await fetchSummary({ dataDir, from: '2017-01-01', to: '2017-02-01', workspaceId: 'demo', json: true });
    // The sample's README: 37 tweets with 103,068 impressions in January 2017.
    expect(summary).toMatchObject({ posts: 37, impressions: 103_068 });
  }, 180_000);
});
