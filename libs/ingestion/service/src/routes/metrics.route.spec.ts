import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createIngestionTestKit, KEY_A, KEY_B, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('POST /v1/metrics:batch', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
    await kit.app.inject({ method: 'POST', url: '/v1/posts:batch', headers: { 'x-api-key': KEY_A }, payload: { items: [post('m1'), post('m2')] } });
  });
  afterAll(() => kit?.close());

  const reading = (id: string, capturedAt: string, impressions: number) => ({ network: 'x', networkPostId: id, metrics: { capturedAt, impressions } });
  const send = (items: unknown[], key = KEY_A, query = '') =>
    kit.app.inject({ method: 'POST', url: `/v1/metrics:batch${query}`, headers: { 'x-api-key': key }, payload: { items } });
  const captured = (id: string) =>
    kit
      .events()
      .filter((e) => e.type === 'ingestion.metrics.captured' && e.payload.networkPostId === id)
      .map((e) => (e.type === 'ingestion.metrics.captured' ? e.payload.metrics.impressions : undefined));

  it('publishes a reading of a known post', async () => {
    expect((await send([reading('m1', '2026-01-06T00:00:00Z', 100)])).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(captured('m1')).toEqual([100]);
  });

  it('rejects a reading for a post the workspace never sent, naming it, while the others go through', async () => {
    const res = await send([reading('nope', '2026-01-06T00:00:00Z', 5), reading('m2', '2026-01-06T00:00:00Z', 7)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 0, field: 'networkPostId', reason: 'no post x:nope was sent to this workspace; send the post first (POST /v1/posts:batch)' }],
    });
    expect(captured('nope')).toEqual([]);
  });

  it("does not let another workspace send readings for this workspace's post", async () => {
    const res = await send([reading('m1', '2026-01-08T00:00:00Z', 1)], KEY_B);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ index: 0, field: 'networkPostId' })]);
  });

  it('counts an older or identical reading as a duplicate, which does not overwrite the newest', async () => {
    const res = await send([reading('m1', '2026-01-05T00:00:00Z', 50), reading('m1', '2026-01-06T00:00:00Z', 100)]);
    expect(res.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(captured('m1')).toEqual([100]);
    const row = await kit.db.prisma.ingestedItem.findUnique({ where: { workspaceId_kind_itemKey: { workspaceId: 'a', kind: 'post', itemKey: 'x:m1' } } });
    expect(row?.observedAt?.toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });

  it('publishes newer readings of one batch oldest first, whatever their order in the batch', async () => {
    const res = await send([reading('m1', '2026-01-09T00:00:00Z', 300), reading('m1', '2026-01-07T00:00:00Z', 200)]);
    expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(captured('m1')).toEqual([100, 200, 300]);
  });

  it('counts a reading not newer than the snapshot a post carried as a duplicate', async () => {
    await kit.app.inject({
      method: 'POST',
      url: '/v1/posts:batch',
      headers: { 'x-api-key': KEY_A },
      payload: { items: [post('m3', { metrics: { capturedAt: '2026-02-01T00:00:00Z', impressions: 900 } })] },
    });
    expect((await send([reading('m3', '2026-01-20T00:00:00Z', 800)])).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('refuses the whole batch with ?atomic=true when a reading is for an unknown post', async () => {
    const res = await send([reading('m2', '2026-03-01T00:00:00Z', 9), reading('ghost', '2026-03-01T00:00:00Z', 1)], KEY_A, '?atomic=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BATCH_REJECTED', details: [{ index: 1, field: 'networkPostId' }] });
    expect(captured('m2')).toEqual([7]);
  });
});
