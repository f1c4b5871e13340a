import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, profileId: string, impressions: number, engagements: number) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, profileId, publishedAt: '2026-05-04T10:00:00Z', text: 'post', contentType: 'text', tags: [] },
      metrics: { capturedAt: '2026-05-05T10:00:00Z', impressions, engagements },
    },
  });
const followers = (profileId: string, date: string, count: number) =>
  createEvent({
    type: 'ingestion.followers.counted',
    workspaceId: 'a',
    source: 'test',
    payload: { followers: { network: 'x', profileId, date, followers: count } },
  });

describe('competitors: marked profiles are reported side by side, never in the own totals', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    // Own: brand 1,000 / 50, followers 2,000 → 2,100. Rival Inc: rival 5,000 / 400, followers 9,000 → 9,900.
    await service.publish([
      post('own-1', 'brand', 1000, 50),
      post('rival-1', 'rival', 5000, 400),
      followers('brand', '2026-04-30', 2000),
      followers('brand', '2026-05-31', 2100),
      followers('rival', '2026-04-30', 9000),
      followers('rival', '2026-05-31', 9900),
    ]);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object, key = keys.keyA) =>
    app.inject({ method, url, headers: { 'x-api-key': key }, ...(payload ? { payload } : {}) });
  const MAY = 'from=2026-05-01&to=2026-06-01';

  it('before marking, the rival counts as own', async () => {
    expect((await call('GET', `/v1/analytics/summary?${MAY}`)).json()).toMatchObject({ posts: 2, impressions: 6000 });
  });

  it('marks a profile and reports it side by side', async () => {
    const marked = await call('PUT', '/v1/analytics/competitors/x/rival', { competitor: 'Rival Inc' });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ network: 'x', profileId: 'rival', competitor: 'Rival Inc' });
    expect((await call('GET', '/v1/analytics/competitors')).json().profiles).toHaveLength(1);

    const side = (await call('GET', `/v1/analytics/competitors/compare?${MAY}`)).json();
    expect(side.rows).toEqual([
      // 50 ÷ 1,000 = 5 %; growth 100 ÷ 2,000 = 5 %; by followers 50 ÷ 2,100.
      {
        name: 'own',
        own: true,
        posts: 1,
        impressions: 1000,
        engagements: 50,
        engagementRate: 0.05,
        followers: 2100,
        followerGrowth: 100,
        followerGrowthRate: 0.05,
        engagementRateByFollowers: 50 / 2100,
      },
      // 400 ÷ 5,000 = 8 %; growth 900 ÷ 9,000 = 10 %.
      {
        name: 'Rival Inc',
        own: false,
        posts: 1,
        impressions: 5000,
        engagements: 400,
        engagementRate: 0.08,
        followers: 9900,
        followerGrowth: 900,
        followerGrowthRate: 0.1,
        engagementRateByFollowers: 400 / 9900,
      },
    ]);
    expect((await call('GET', `/v1/analytics/summary?${MAY}`)).json()).toMatchObject({ posts: 1, impressions: 1000, followers: 2100 });
  });

  it('unmarks: the profile is own again; unmarking twice is a 404', async () => {
    expect((await call('DELETE', '/v1/analytics/competitors/x/rival')).statusCode).toBe(204);
    expect((await call('GET', `/v1/analytics/summary?${MAY}`)).json()).toMatchObject({ posts: 2 });
    const again = await call('DELETE', '/v1/analytics/competitors/x/rival');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('COMPETITOR_NOT_FOUND');
  });

  it('marking needs the admin scope, and stays in the key workspace', async () => {
    expect((await call('PUT', '/v1/analytics/competitors/x/rival', { competitor: 'R' }, keys.walk.lacking('admin'))).statusCode).toBe(403);
    await call('PUT', '/v1/analytics/competitors/x/rival', { competitor: 'R' }, keys.keyB);
    expect((await call('GET', '/v1/analytics/competitors')).json().profiles).toEqual([]);
    expect((await call('GET', `/v1/analytics/summary?${MAY}`)).json()).toMatchObject({ posts: 2 });
  });

  it('refuses an empty competitor name, naming the field', async () => {
    const res = await call('PUT', '/v1/analytics/competitors/x/rival', { competitor: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.competitor');
  });
});
