import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent, type HeraldEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, publishedAt: string, engagements: number, capturedAt: string, campaign?: string): HeraldEvent =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: {
        network: 'x',
        networkPostId: id,
        profileId: 'brand',
        publishedAt,
        text: 'post',
        contentType: 'text',
        tags: [],
        ...(campaign ? { campaign } : {}),
      },
      metrics: { capturedAt, impressions: engagements * 10, engagements },
    },
  });
const reading = (id: string, capturedAt: string, engagements: number): HeraldEvent =>
  createEvent({
    type: 'ingestion.metrics.captured',
    workspaceId: 'a',
    source: 'test',
    payload: { network: 'x', networkPostId: id, metrics: { capturedAt, impressions: engagements * 10, engagements } },
  });
const followers = (date: string, count: number): HeraldEvent =>
  createEvent({
    type: 'ingestion.followers.counted',
    workspaceId: 'a',
    source: 'test',
    payload: { followers: { network: 'x', profileId: 'brand', date, followers: count } },
  });

/**
 * The history: one post every weekday from Monday 5 January to Friday 27 February 2026 (the 8 weeks
 * before March), 10 engagements each, nothing at weekends. So the workspace's rhythm is Monday to
 * Friday, and March 2026 (it starts on a Sunday) holds 22 weekdays.
 */
function history(): HeraldEvent[] {
  const events: HeraldEvent[] = [];
  for (let day = new Date('2026-01-05T12:00:00Z'); day < new Date('2026-02-28T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const at = day.toISOString();
    events.push(post(`h-${at.slice(0, 10)}`, at, 10, at));
  }
  return events;
}

describe('goals: progress, pace, forecast and status', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    await service.publish([
      ...history(),
      // March: 100 on Monday 2nd (the launch campaign's), 140 on Thursday 5th, read the next day.
      post('m-1', '2026-03-02T09:00:00Z', 100, '2026-03-03T09:00:00Z', 'launch'),
      post('m-2', '2026-03-05T09:00:00Z', 140, '2026-03-06T09:00:00Z'),
      // After 9 March 00:00: a later reading of m-2 (300) and a new post (500).
      reading('m-2', '2026-03-10T09:00:00Z', 300),
      post('m-3', '2026-03-09T10:00:00Z', 500, '2026-03-10T10:00:00Z'),
      // Published before 9 March 00:00, first read an hour after it: as of then it has no reading (0), later 7.
      post('m-late', '2026-03-08T23:00:00Z', 7, '2026-03-09T01:00:00Z'),
      followers('2026-02-28', 1000),
      followers('2026-03-08', 1060),
    ]);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, key = keys.keyA) =>
    app.inject({ method, url, headers: { 'x-api-key': key }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = async (body: object) => {
    const res = await call('POST', '/v1/analytics/goals', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>();
  };

  it('judges a total by the weekday rhythm: ahead where a steady pace would say behind', async () => {
    const { id } = await create({ name: 'March engagement', metric: 'engagements', target: 1000, from: '2026-03-01', to: '2026-04-01' });
    const goal = (await call('GET', `/v1/analytics/goals/${id}?at=2026-03-09T00:00:00Z`)).json();
    // 8 of 31 days gone (Sun 1 – Sun 8), holding 5 of March's 22 weekdays.
    // Actual: 100 + 140 = 240; the 300 reading, m-late's first reading and the 500 post came after 9 March 00:00.
    expect(goal).toMatchObject({ metric: 'engagements', shape: 'total', actual: 240, paceModel: 'weekday', status: 'ahead' });
    expect(goal.expectedLinear).toBeCloseTo((1000 * 8) / 31, 6); // 258.06: 240 would be 7 % behind
    expect(goal.expectedWeekday).toBeCloseTo((1000 * 5) / 22, 6); // 227.27: 240 is 5.6 % ahead
    expect(goal.expected).toBe(goal.expectedWeekday);
    expect(goal.forecast).toBeCloseTo(240 / (5 / 22), 6); // 1,056
    expect(goal.neededPerDay).toBeCloseTo((1000 - 240) / 23, 6); // 33.04 over the 23 days left
    expect(goal.progress).toBeCloseTo(0.24, 9);
    expect(goal.period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', label: 'March 2026', timeZone: 'UTC' });
    expect(goal.rule).toMatch(/usual weekday rhythm/);
  });

  it('once the period is over: every reading counts, the status is final and equals the summary', async () => {
    const { id } = await create({ metric: 'engagements', target: 1000, from: '2026-03-01', to: '2026-04-01' });
    const goal = (await call('GET', `/v1/analytics/goals/${id}`)).json();
    // 100 + 300 (m-2's newest reading) + 500 + 7 = 907 of 1,000.
    expect(goal).toMatchObject({ actual: 907, status: 'missed', elapsedShare: 1, neededPerDay: null });
    const summary = (await call('GET', '/v1/analytics/summary?from=2026-03-01&to=2026-04-01&compare=none')).json();
    expect(summary.engagements).toBe(goal.actual);
  });

  it('a follower goal climbs from the count at the start', async () => {
    const { id } = await create({ metric: 'followers', target: 1200, from: '2026-03-01', to: '2026-04-01' });
    const goal = (await call('GET', `/v1/analytics/goals/${id}?at=2026-03-09`)).json();
    // 1,000 on 28 February, 1,060 on 8 March; a steady climb to 1,200 would be at 1,000 + 200 × 8/31 = 1,051.6.
    expect(goal).toMatchObject({ shape: 'level', actual: 1060, status: 'on-track', paceModel: 'linear' });
    expect(goal.expected).toBeCloseTo(1000 + (200 * 8) / 31, 6);
    expect(goal.forecast).toBeCloseTo(1000 + 60 / (8 / 31), 6); // 1,232.5
    expect(goal.progress).toBeCloseTo(0.3, 9);
  });

  it("a campaign goal counts only the campaign's posts", async () => {
    const { id } = await create({ metric: 'engagements', target: 150, from: '2026-03-01', to: '2026-04-01', campaign: 'launch' });
    expect((await call('GET', `/v1/analytics/goals/${id}?at=2026-03-09T00:00:00Z`)).json()).toMatchObject({ campaign: 'launch', actual: 100 });
  });

  it('before its first day a goal is upcoming', async () => {
    const { id } = await create({ metric: 'posts', target: 20, from: '2026-03-01', to: '2026-04-01' });
    expect((await call('GET', `/v1/analytics/goals/${id}?at=2026-02-15`)).json()).toMatchObject({ status: 'upcoming', actual: 0, elapsedShare: 0 });
  });

  it('lists, replaces and deletes, all within the key workspace', async () => {
    const { id } = await create({ metric: 'mentions', target: 50, from: '2026-03-01', to: '2026-04-01' });
    const list = (await call('GET', '/v1/analytics/goals?at=2026-03-09')).json();
    expect(list.at).toBe('2026-03-09T00:00:00.000Z');
    expect(list.goals.map((g: { id: string }) => g.id)).toContain(id);

    const replaced = await call('PUT', `/v1/analytics/goals/${id}`, { metric: 'mentions', target: 80, from: '2026-03-01', to: '2026-04-01', network: 'x' });
    expect(replaced.json()).toMatchObject({ id, target: 80, network: 'x' });

    // Workspace b neither sees nor changes a's goal.
    expect((await call('GET', '/v1/analytics/goals', undefined, keys.keyB)).json().goals).toEqual([]);
    expect((await call('GET', `/v1/analytics/goals/${id}`, undefined, keys.keyB)).statusCode).toBe(404);
    expect((await call('DELETE', `/v1/analytics/goals/${id}`, undefined, keys.keyB)).statusCode).toBe(404);

    expect((await call('DELETE', `/v1/analytics/goals/${id}`)).statusCode).toBe(204);
    const gone = await call('GET', `/v1/analytics/goals/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('GOAL_NOT_FOUND');
  });

  it('needs the admin scope to set a goal, read to see them', async () => {
    const body = { metric: 'posts', target: 5, from: '2026-03-01', to: '2026-04-01' };
    expect((await call('POST', '/v1/analytics/goals', body, keys.walk.lacking('admin'))).statusCode).toBe(403);
    expect((await call('GET', '/v1/analytics/goals', undefined, keys.walk.lacking('read'))).statusCode).toBe(403);
  });

  it.each([
    [{ metric: 'likes2', target: 5, from: '2026-03-01', to: '2026-04-01' }, 'body.metric', 'VALIDATION_FAILED'],
    [{ metric: 'posts', target: 5, from: '2026-04-01', to: '2026-03-01' }, 'body.to', 'PERIOD_INVALID'],
    [{ metric: 'posts', target: 5, from: '2026-03-01T00:00:00', to: '2026-04-01' }, 'body.from', 'PERIOD_INVALID'],
    [{ metric: 'posts', target: 0, from: '2026-03-01', to: '2026-04-01' }, 'body.target', 'GOAL_INVALID'],
    [{ metric: 'mentions', target: 5, from: '2026-03-01', to: '2026-04-01', campaign: 'launch' }, 'body.campaign', 'GOAL_INVALID'],
    [{ metric: 'posts', target: 5, from: '2026-01-01', to: '2028-01-01' }, 'body.to', 'GOAL_INVALID'],
    [{ metric: 'posts', target: 5, from: '2026-03-01', to: '2026-04-01', timeZone: 'Mars/Olympus' }, 'body.timeZone', 'PERIOD_INVALID'],
  ])('refuses %j naming %s, and stores nothing', async (body, field, code) => {
    const before = await service.db.prisma.goal.count();
    const res = await call('POST', '/v1/analytics/goals', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await service.db.prisma.goal.count()).toBe(before);
  });

  it('refuses an at without an offset, naming it', async () => {
    const res = await call('GET', '/v1/analytics/goals?at=2026-03-09T00:00:00');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('query.at');
  });
});
