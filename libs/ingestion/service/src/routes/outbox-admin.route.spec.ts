import { randomUUID } from 'node:crypto';

import { TOPICS } from '@herald/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertOutboxEvents } from '../store/ingested-items.repository.ts';
import { createIngestionTestKit, KEY_A, KEY_B, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('failed outbox events (admin)', () => {
  let kit: IngestionTestKit;
  const poisonId = randomUUID();
  beforeAll(async () => {
    kit = await createIngestionTestKit();
    // An event of workspace a that no schema accepts, as an older version could have stored it.
    const poison = {
      id: poisonId,
      type: 'ingestion.post.published',
      version: 1,
      occurredAt: new Date().toISOString(),
      workspaceId: 'a',
      source: 'ingestion',
      payload: { post: {} },
    };
    await kit.db.prisma.$transaction((tx) =>
      insertOutboxEvents(tx, kit.db.schema, [{ id: poisonId, topic: TOPICS.posts, key: 'a:x:1', event: poison }], new Date()),
    );
  });
  afterAll(() => kit?.close());

  const as = (key: string) => ({ 'x-api-key': key });

  it('publishes what comes after an event that cannot be published', async () => {
    const res = await kit.app.inject({ method: 'POST', url: '/v1/posts:batch', headers: as(KEY_A), payload: { items: [post('after')] } });
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(kit.events().map((e) => e.type)).toEqual(['ingestion.post.published']);
  });

  it('lists it with its error to the admin of its workspace only', async () => {
    const res = await kit.app.inject({ url: '/v1/admin/outbox/failed', headers: as(KEY_A) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: poisonId,
        type: 'ingestion.post.published',
        errorCode: 'EVENT_INVALID',
        error: expect.stringMatching(/invalid ingestion.post.published/),
      }),
    ]);
    const other = await kit.app.inject({ url: '/v1/admin/outbox/failed', headers: as(KEY_B) });
    expect(other.json().items).toEqual([]);
  });

  it('re-queues it on retry; still invalid, it is moved aside again', async () => {
    const res = await kit.app.inject({ method: 'POST', url: `/v1/admin/outbox/failed/${poisonId}/retry`, headers: as(KEY_A) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: poisonId, state: 'failed' });
  });

  it("answers 404 for another workspace's row and for an unknown id, 400 for a malformed one", async () => {
    expect((await kit.app.inject({ method: 'POST', url: `/v1/admin/outbox/failed/${poisonId}/retry`, headers: as(KEY_B) })).statusCode).toBe(404);
    expect((await kit.app.inject({ method: 'POST', url: `/v1/admin/outbox/failed/${randomUUID()}/retry`, headers: as(KEY_A) })).statusCode).toBe(404);
    expect((await kit.app.inject({ method: 'POST', url: '/v1/admin/outbox/failed/not-a-uuid/retry', headers: as(KEY_A) })).statusCode).toBe(400);
  });

  it('reports the outbox on /ready (backlog age and failed events) and stays ready', async () => {
    const res = await kit.app.inject('/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.outbox).toEqual({ ok: true, details: { oldestPendingAgeSeconds: 0, failedEvents: 1 } });
  });
});
