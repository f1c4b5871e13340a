import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, network: 'x' | 'linkedin' | 'tiktok', day: string, impressions: number, engagements: number) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network, networkPostId: id, profileId: `${network}-brand`, publishedAt: `${day}T10:00:00Z`, text: `post ${id}`, contentType: 'text', tags: [] },
      metrics: { capturedAt: `${day}T20:00:00Z`, impressions, engagements },
    },
  });

// April 2026: x a1 5,000 impressions / 200 engagements, linkedin b1 2,000 / 150, tiktok t1 1,000 / 50 → 8,000 / 400.
// May 2026: x a2 4,000 / 180, x a3 2,000 / 120, x tiny 50 / 40, linkedin b2 1,000 / 100 → 7,050 / 440.
const EVENTS = [
  post('a1', 'x', '2026-04-06', 5000, 200),
  post('b1', 'linkedin', '2026-04-07', 2000, 150),
  post('t1', 'tiktok', '2026-04-08', 1000, 50),
  post('a2', 'x', '2026-05-04', 4000, 180),
  post('a3', 'x', '2026-05-05', 2000, 120),
  post('tiny', 'x', '2026-05-07', 50, 40),
  post('b2', 'linkedin', '2026-05-06', 1000, 100),
  // Published, never read yet: no figure to rank it by, and not the worst post of May.
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: { post: { network: 'x', networkPostId: 'unread', publishedAt: '2026-05-20T10:00:00Z', text: 'post unread', contentType: 'text', tags: [] } },
  }),
];

describe('comparisons: contributors to a change, top and bottom posts, any period against any other', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    await service.publish(EVENTS);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const get = (url: string) => app.inject({ url, headers: { 'x-api-key': keys.keyA } });
  const MAY = 'from=2026-05-01&to=2026-06-01';

  it('splits a count by network: x drove engagements up, linkedin and tiktok went against', async () => {
    const res = (await get(`/v1/analytics/contributors?${MAY}&by=network`)).json();
    // 440 − 400 = +40: x 340 − 200 = +140; linkedin 100 − 150 = −50; tiktok 0 − 50 = −50.
    expect(res).toMatchObject({ metric: 'engagements', unit: 'percent', total: { current: 440, previous: 400, change: 40 } });
    expect(res.against).toMatchObject({ against: 'previous', label: 'April 2026' });
    expect(res.drivers.map((d: { key: string; contribution: number; share: number }) => [d.key, d.contribution, d.share])).toEqual([['x', 140, 3.5]]);
    expect(res.detractors.map((d: { key: string; contribution: number }) => [d.key, d.contribution])).toEqual([
      ['linkedin', -50],
      ['tiktok', -50],
    ]);
  });

  it('splits a rate into parts that add up to its change', async () => {
    const res = (await get(`/v1/analytics/contributors?${MAY}&by=network&metric=engagementRate`)).json();
    // 440/7,050 − 400/8,000 = +0.0124113 (+1.24 pp); x: 340/7,050 − 200/8,000 = +0.0232270.
    expect(res.unit).toBe('pp');
    expect(res.total.change).toBeCloseTo(440 / 7050 - 0.05, 12);
    expect(res.drivers[0].key).toBe('x');
    expect(res.drivers[0].contribution).toBeCloseTo(340 / 7050 - 200 / 8000, 12);
    const parts = [...res.drivers, ...res.detractors].reduce((a: number, d: { contribution: number }) => a + d.contribution, 0);
    expect(parts).toBeCloseTo(res.total.change, 12);
  });

  it('splits by post: this period’s posts add, the other period’s subtract', async () => {
    const res = (await get(`/v1/analytics/contributors?${MAY}&by=post&limit=2`)).json();
    expect(res.drivers.map((d: { key: string; contribution: number }) => [d.key, d.contribution])).toEqual([
      ['x:a2', 180],
      ['x:a3', 120],
    ]);
    expect(res.drivers[0].label).toBe('post a2');
    expect(res.detractors.map((d: { key: string; contribution: number }) => [d.key, d.contribution])).toEqual([
      ['x:a1', -200],
      ['linkedin:b1', -150],
    ]);
  });

  it('compares against any range: May against the week of 6 April only', async () => {
    const res = (await get(`/v1/analytics/contributors?${MAY}&by=network&againstFrom=2026-04-06&againstTo=2026-04-13&metric=impressions`)).json();
    expect(res.against).toMatchObject({ against: 'custom', from: '2026-04-06T00:00:00.000Z', to: '2026-04-13T00:00:00.000Z' });
    expect(res.total).toEqual({ current: 7050, previous: 8000, change: -950 });
    const summary = (await get(`/v1/analytics/summary?${MAY}&againstFrom=2026-04-06&againstTo=2026-04-07`)).json();
    // Only a1 was published on 6 April: 5,000 impressions.
    expect(summary.comparison).toMatchObject({ against: 'custom', changes: { impressions: { current: 7050, previous: 5000, absolute: 2050 } } });
  });

  it.each([
    [`${MAY}&by=network&compare=none`, 'query.compare'],
    [`${MAY}&by=post&metric=engagementRate`, 'query.by'],
    [`${MAY}&by=network&againstFrom=2026-04-01`, 'query.againstTo'],
    [`${MAY}&by=network&againstFrom=2026-04-31&againstTo=2026-05-01`, 'query.againstFrom'],
    [`${MAY}&by=everything`, 'query.by'],
  ])('refuses %s naming %s', async (query, field) => {
    const res = await get(`/v1/analytics/contributors?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('ranks posts top and bottom by a count', async () => {
    const top = (await get(`/v1/analytics/top-posts?${MAY}&limit=2`)).json();
    expect(top.posts.map((p: { id: string; value: number }) => [p.id, p.value])).toEqual([
      ['a2', 180],
      ['a3', 120],
    ]);
    expect(top.posts[0]).toMatchObject({ network: 'x', impressions: 4000, engagements: 180, engagementRate: 0.045, publishedAt: '2026-05-04T10:00:00.000Z' });
    const bottom = (await get(`/v1/analytics/top-posts?${MAY}&order=bottom&limit=1`)).json();
    expect(bottom.posts.map((p: { id: string }) => p.id)).toEqual(['tiny']);
  });

  it('ranks by a rate only posts with enough impressions behind them', async () => {
    // tiny's 40 / 50 = 80 % would top the list; with 50 impressions it is left out.
    const res = (await get(`/v1/analytics/top-posts?${MAY}&metric=engagementRate`)).json();
    expect(res.posts.map((p: { id: string }) => p.id)).toEqual(['b2', 'a3', 'a2']); // 10 %, 6 %, 4.5 %
    expect(res.rule).toMatch(/at least 100 impressions/);
  });
});
