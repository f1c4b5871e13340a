import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createIngestionTestKit, KEY_A, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('batch routes', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
  });
  afterAll(() => kit?.close());

  const send = (url: string, items: unknown[], query = '') =>
    kit.app.inject({ method: 'POST', url: `${url}${query}`, headers: { 'x-api-key': KEY_A }, payload: { items } });
  const eventsAbout = (id: string) =>
    kit
      .events()
      .filter((e) => JSON.stringify(e.payload).includes(`"${id}"`))
      .map((e) => e.type);

  it('stores new posts and publishes one event per post', async () => {
    const res = await send('/v1/posts:batch', [post('p1'), post('p2', { metrics: { capturedAt: '2026-01-06T00:00:00Z', impressions: 10 } })]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(eventsAbout('p1')).toEqual(['ingestion.post.published']);
    expect(eventsAbout('p2')).toEqual(['ingestion.post.published']);
  });

  it('counts an item sent again, or twice in one batch, as a duplicate and publishes nothing for it', async () => {
    const res = await send('/v1/posts:batch', [post('p1'), post('p3'), post('p3')]);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    expect(eventsAbout('p1')).toEqual(['ingestion.post.published']);
    expect(eventsAbout('p3')).toEqual(['ingestion.post.published']);
    expect(await kit.db.prisma.ingestedItem.count({ where: { workspaceId: 'a', kind: 'post', itemKey: 'x:p3' } })).toBe(1);
  });

  it('publishes a changed post as an update', async () => {
    const res = await send('/v1/posts:batch', [post('p1', { text: 'edited' })]);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(eventsAbout('p1')).toEqual(['ingestion.post.published', 'ingestion.post.updated']);
  });

  it('lists every rejected item by index and field while the valid ones go through', async () => {
    const res = await send('/v1/posts:batch', [post('p4'), post('p5', { network: 'myspace' }), { ...post('p6'), text: undefined }, 'text']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, field: 'network', reason: 'must be one of x, facebook, instagram, linkedin, tiktok, youtube, threads, other' },
        { index: 2, field: 'text', reason: 'is required' },
        { index: 3, field: '', reason: 'must be an object, not string' },
      ],
    });
    expect(eventsAbout('p4')).toHaveLength(1);
    expect(eventsAbout('p5')).toHaveLength(0);
  });

  it('refuses the whole batch with ?atomic=true when one item is invalid, storing nothing', async () => {
    const res = await send('/v1/posts:batch', [post('p7'), post('p8', { publishedAt: 'yesterday' })], '?atomic=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BATCH_REJECTED', details: [{ index: 1, field: 'publishedAt' }] });
    expect(eventsAbout('p7')).toHaveLength(0);
    expect(await kit.db.prisma.ingestedItem.count({ where: { itemKey: 'x:p7' } })).toBe(0);
  });

  it('answers 400 when every item of a batch is rejected', async () => {
    const res = await send('/v1/posts:batch', [post('p9', { text: 42 })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BATCH_REJECTED', details: [{ index: 0, field: 'text', reason: 'must be string' }] });
  });

  it('stores follower counts, publishes a corrected count again and a repeated one not', async () => {
    const day = { network: 'x', profileId: 'herald', date: '2026-01-05', followers: 100 };
    expect((await send('/v1/followers:batch', [day])).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await send('/v1/followers:batch', [day, { ...day, followers: 101 }])).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const counted = kit.events().filter((e) => e.type === 'ingestion.followers.counted');
    expect(counted.map((e) => (e.payload as { followers: { followers: number } }).followers.followers)).toEqual([100, 101]);
  });

  it('serves the batch routes at their literal path only', async () => {
    expect((await send('/v1/postsX', [post('z')])).statusCode).toBe(404);
  });

  it('stores mentions once', async () => {
    const mention = { network: 'x', networkMentionId: 'm1', text: 'love it', occurredAt: '2026-01-05T12:00:00Z' };
    expect((await send('/v1/mentions:batch', [mention, mention])).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(kit.events().filter((e) => e.type === 'ingestion.mention.received')).toHaveLength(1);
  });
});
