import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb, type AnalyticsDb } from '@herald/analytics-data-access';
import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { createEvent } from '@herald/events';
import { createLogger, createTestKeys, type ServiceApp } from '@herald/service-kit';

import { buildAnalyticsApp } from '../build-app.ts';
import { startStoreEventsConsumer } from '../consumers/store-events.consumer.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const keys = createTestKeys();

describe('workspace settings: the stored time zone every query defaults to', () => {
  let db: AnalyticsDb;
  let bus: MemoryEventBus;
  let app: ServiceApp;

  beforeAll(async () => {
    db = createAnalyticsDb({ kind: 'pglite' });
    await db.migrate();
    bus = createMemoryEventBus({ logger });
    await bus.ensureTopics();
    await startStoreEventsConsumer({ bus, db, logger });
    app = await buildAnalyticsApp({ logger, db, bus, verifyKey: keys.verifyKey });
    // 1 March 03:00 UTC is still 28 February, 22:00, in New York.
    await bus.publish([
      createEvent({
        type: 'ingestion.post.published',
        workspaceId: 'a',
        source: 'test',
        payload: {
          post: { network: 'x', networkPostId: 'late-feb', publishedAt: '2026-03-01T03:00:00Z', text: 'post', contentType: 'text', tags: [] },
          metrics: { capturedAt: '2026-03-02T00:00:00Z', impressions: 100, engagements: 7 },
        },
      }),
    ]);
    await bus.drain({ timeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.close();
  });

  const get = (url: string, key = keys.keyA) => app.inject({ url, headers: { 'x-api-key': key } });
  const putZone = (timeZone: unknown, key = keys.keyA) =>
    app.inject({ method: 'PUT', url: '/v1/analytics/settings', headers: { 'x-api-key': key }, payload: { timeZone } });

  it('reports in UTC until a zone is set', async () => {
    expect((await get('/v1/analytics/settings')).json()).toEqual({ workspaceId: 'a', timeZone: 'UTC' });
    const march = (await get('/v1/analytics/summary?from=2026-03-01&to=2026-04-01')).json();
    expect(march).toMatchObject({ timeZone: 'UTC', posts: 1, label: 'March 2026' });
  });

  it('reads calendar dates in the stored zone once set, for this workspace only', async () => {
    expect((await putZone('America/New_York')).json()).toEqual({ workspaceId: 'a', timeZone: 'America/New_York' });
    const february = (await get('/v1/analytics/summary?from=2026-02-01&to=2026-03-01')).json();
    expect(february).toMatchObject({ timeZone: 'America/New_York', posts: 1, engagements: 7, from: '2026-02-01T05:00:00.000Z' });
    // A request's own timeZone still wins.
    expect((await get('/v1/analytics/summary?from=2026-02-01&to=2026-03-01&timeZone=UTC')).json()).toMatchObject({ posts: 0 });
    expect((await get('/v1/analytics/settings', keys.keyB)).json()).toEqual({ workspaceId: 'b', timeZone: 'UTC' });
  });

  it('refuses a zone that is not IANA, naming the field, and keeps the stored one', async () => {
    const res = await putZone('Mars/Olympus');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TIME_ZONE_INVALID', details: [{ field: 'body.timeZone' }] });
    expect((await get('/v1/analytics/settings')).json().timeZone).toBe('America/New_York');
  });

  it('needs the admin scope to change the zone', async () => {
    const res = await putZone('Europe/Athens', keys.walk.lacking('admin'));
    expect(res.statusCode).toBe(403);
  });
});
