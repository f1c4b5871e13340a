import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

describe('workspace settings: the stored time zone every query defaults to', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    // 1 March 03:00 UTC is still 28 February, 22:00, in New York.
    await service.publish([
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
  }, 120_000);

  afterAll(async () => {
    await service?.close();
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
