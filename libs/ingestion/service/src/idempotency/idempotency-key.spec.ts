import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createIngestionTestKit, KEY_A, KEY_B, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('Idempotency-Key on batch routes', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
  });
  afterAll(() => kit?.close());

  const send = (items: unknown[], idempotencyKey: string, apiKey = KEY_A) =>
    kit.app.inject({ method: 'POST', url: '/v1/posts:batch', headers: { 'x-api-key': apiKey, 'idempotency-key': idempotencyKey }, payload: { items } });

  it('answers a repeated request with the first answer, without doing the work again', async () => {
    const first = await send([post('i1'), post('i2')], 'key-1');
    const again = await send([post('i1'), post('i2')], 'key-1');
    expect(first.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(kit.events()).toHaveLength(2);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const res = await send([post('i3')], 'key-1');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await kit.db.prisma.ingestedItem.count({ where: { itemKey: 'x:i3' } })).toBe(0);
  });

  it('keeps keys per workspace: another workspace may use the same key', async () => {
    const res = await send([post('i1'), post('i2')], 'key-1', KEY_B);
    expect(res.headers['idempotent-replayed']).toBe('false');
    expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });

  it('does not remember a refused request: it may be corrected and sent with the same key', async () => {
    const refused = await send([post('i4', { text: 1 })], 'key-2');
    expect(refused.statusCode).toBe(400);
    expect(await kit.db.prisma.idempotencyKey.count({ where: { key: 'key-2' } })).toBe(0);
    const fixed = await send([post('i4')], 'key-2');
    expect(fixed.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('gives concurrent requests with one key one piece of work and one answer', async () => {
    const answers = await Promise.all([send([post('i5')], 'key-3'), send([post('i5')], 'key-3')]);
    expect(answers.map((a) => a.json())).toEqual([
      { accepted: 1, duplicates: 0, rejected: [] },
      { accepted: 1, duplicates: 0, rejected: [] },
    ]);
    expect(kit.events().filter((e) => JSON.stringify(e.payload).includes('"i5"'))).toHaveLength(1);
  });

  it('refuses an over-long key', async () => {
    const res = await send([post('i6')], 'k'.repeat(256));
    expect(res.statusCode).toBe(400);
  });
});
