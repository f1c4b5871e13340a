import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb, type AnalyticsDb } from '@herald/analytics-data-access';
import { buildAnalyticsApp, createStoreEventsHandler } from '@herald/analytics-service';
import { openPGlite } from '@herald/db';
import { createMemoryEventBus, type DeliveredEvent } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger, type ServiceApp } from '@herald/service-kit';

import { CliError, EXIT } from '../cli-error.ts';
import { queryAnalytics } from './analytics-query.ts';

const WS = 'demo';
const logger = createLogger({ name: 'test', level: 'silent' });

const post = (id: string, publishedAt: string, impressions: number, engagements: number): HeraldEvent[] => [
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: WS,
    source: 'test',
    payload: { post: { network: 'x', networkPostId: id, publishedAt, text: `post ${id}`, contentType: 'text', tags: [] } },
  }),
  createEvent({
    type: 'ingestion.metrics.captured',
    workspaceId: WS,
    source: 'test',
    payload: { network: 'x', networkPostId: id, metrics: { capturedAt: '2026-01-20T00:00:00Z', impressions, engagements } },
  }),
];
// Two posts in January 2026: 1,000 + 3,000 = 4,000 impressions, 30 + 70 = 100 engagements → rate 100 / 4,000 = 0.025.
const EVENTS = [...post('a', '2026-01-05T10:00:00Z', 1000, 30), ...post('b', '2026-01-12T10:00:00Z', 3000, 70)];

/** Opens the store the way the CLI does, for the test's own reads and writes. */
async function withStore<T>(dataDir: string, run: (db: AnalyticsDb) => Promise<T>): Promise<T> {
  const pglite = openPGlite({ dataDir: join(dataDir, 'pglite') });
  const db = createAnalyticsDb({ kind: 'pglite', pglite });
  try {
    await db.migrate();
    return await run(db);
  } finally {
    await db.close();
    await pglite.close();
  }
}

const appOver = (db: AnalyticsDb) =>
  buildAnalyticsApp({
    logger,
    db,
    bus: createMemoryEventBus({ logger }),
    verifyKey: async (key) => (key === 'test-key' ? { workspaceId: WS, keyId: 'k', scopes: ['read'] } : null),
  });

const SUMMARY = '/v1/analytics/summary';
const QUERY = { from: '2026-01-01', to: '2026-02-01', timeZone: 'UTC' };
const FLAGS = { 'query.from': '--from', 'query.to': '--to', 'query.timeZone': '--time-zone' };

describe('queryAnalytics', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-query-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    await withStore(dataDir, async (db) => {
      const handle = createStoreEventsHandler({ db, logger });
      await handle(EVENTS.map((event, i) => ({ event, topic: 'test', partition: 0, offset: String(i), key: null, logger }) satisfies DeliveredEvent));
    });
  }, 120_000);

  it('answers in process with the JSON the analytics app gives', async () => {
    const cli = await queryAnalytics<Record<string, unknown>>({ dataDir, workspaceId: WS, path: SUMMARY, query: QUERY, flags: FLAGS });
    const api = await withStore(dataDir, async (db) => {
      const app = await appOver(db);
      try {
        const res = await app.inject({ url: `${SUMMARY}?${new URLSearchParams(QUERY)}`, headers: { 'x-api-key': 'test-key' } });
        return { status: res.statusCode, body: res.json() as Record<string, unknown> };
      } finally {
        await app.close();
      }
    });
    expect(cli.status).toBe(200);
    expect(cli.body).toEqual(api.body);
    expect(JSON.parse(cli.text)).toEqual(cli.body);
    // The fixture by hand: 2 posts, 4,000 impressions, 100 engagements, rate 0.025.
    expect(cli.body).toMatchObject({ workspaceId: WS, posts: 2, impressions: 4000, engagements: 100, engagementRate: 0.025 });
  }, 120_000);

  it('turns a 400 into a usage error that names the CLI flag', async () => {
    const failure = await queryAnalytics({ dataDir, workspaceId: WS, path: SUMMARY, query: { ...QUERY, from: '2026-13-01' }, flags: FLAGS }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(EXIT.usage);
    // The API says `from: "2026-13-01" is not a real date`, for the field query.from.
    expect((failure as CliError).message).toBe('--from: "2026-13-01" is not a real date');
  }, 120_000);

  it('falls back to the API field when no flag is mapped', async () => {
    const failure = (await queryAnalytics({ dataDir, workspaceId: WS, path: SUMMARY, query: { ...QUERY, timeZone: 'Mars/Olympus' } }).catch(
      (error: unknown) => error,
    )) as CliError;
    expect(failure.exitCode).toBe(EXIT.usage);
    expect(failure.message).toMatch(/^query\.timeZone: "Mars\/Olympus" is not an IANA time zone/);
  }, 120_000);

  it('asks a running herald over HTTP with the demo key, and names its URL when it fails', async () => {
    const running = mkdtempSync(join(tmpdir(), 'herald-query-running-'));
    let app: ServiceApp | undefined;
    const pglite = openPGlite({ dataDir: join(dataDir, 'pglite') });
    const db = createAnalyticsDb({ kind: 'pglite', pglite });
    try {
      await db.migrate();
      app = await appOver(db);
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address() as { port: number };
      const url = `http://127.0.0.1:${address.port}`;
      // What `herald start` records: a live pid (the test runner's parent) and its URLs; the key is in its 0600 file.
      writeFileSync(
        join(running, 'herald.json'),
        JSON.stringify({ pid: process.ppid, workspaceId: WS, urls: { ingestion: '', listening: '', analytics: url, deck: '' } }),
      );
      writeFileSync(join(running, 'api-key'), 'test-key\n');
      const saved = process.env.HERALD_API_KEY;
      delete process.env.HERALD_API_KEY;
      try {
        const cli = await queryAnalytics<{ posts: number; impressions: number }>({ dataDir: running, workspaceId: 'other', path: SUMMARY, query: QUERY });
        // The running herald's workspace is its key's (demo), not the one asked for.
        expect(cli.body).toMatchObject({ workspaceId: WS, posts: 2, impressions: 4000 });
        writeFileSync(join(running, 'api-key'), 'wrong-key\n');
        const refused = (await queryAnalytics({ dataDir: running, workspaceId: WS, path: SUMMARY, query: QUERY }).catch((e: unknown) => e)) as CliError;
        expect(refused).toBeInstanceOf(CliError);
        // A refused key is no usage error: exit 1, with the URL and the status.
        expect(refused.exitCode).toBe(EXIT.failed);
        expect(refused.message).toBe(`${url}${SUMMARY}?${new URLSearchParams(QUERY)} answered 401: Unknown or revoked API key (AUTH_INVALID)`);
        const missing = (await queryAnalytics({ dataDir: running, workspaceId: WS, method: 'POST', path: '/v1/analytics/nope' }).catch(
          (e: unknown) => e,
        )) as CliError;
        expect(missing.message).toContain('ROUTE_NOT_FOUND');
      } finally {
        if (saved === undefined) delete process.env.HERALD_API_KEY;
        else process.env.HERALD_API_KEY = saved;
      }
    } finally {
      await app?.close();
      await db.close();
      await pglite.close();
      rmSync(running, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a data dir where herald never ran', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'herald-query-empty-'));
    try {
      await expect(queryAnalytics({ dataDir: empty, workspaceId: WS, path: SUMMARY, query: QUERY })).rejects.toThrow(/no herald data/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
