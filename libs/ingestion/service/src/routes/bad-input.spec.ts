import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createIngestionTestKit, KEY_A, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

/** Each bad item alone in its batch: the answer is a 400 naming the field, and nothing is stored. */
const cases: { name: string; url: string; item: unknown; field: string; reason: RegExp }[] = [
  { name: 'a number where text belongs', url: '/v1/posts:batch', item: post('b1', { text: 12 }), field: 'text', reason: /must be string/ },
  { name: 'a missing field', url: '/v1/posts:batch', item: { network: 'x', networkPostId: 'b2', text: 'hi' }, field: 'publishedAt', reason: /is required/ },
  { name: 'an unknown network', url: '/v1/posts:batch', item: post('b3', { network: 'myspace' }), field: 'network', reason: /must be one of x, facebook/ },
  {
    name: 'an impossible date (2026-02-30)',
    url: '/v1/posts:batch',
    item: post('b4', { publishedAt: '2026-02-30T10:00:00Z' }),
    field: 'publishedAt',
    reason: /real date and time/,
  },
  {
    name: 'an impossible day',
    url: '/v1/followers:batch',
    item: { network: 'x', profileId: 'p', date: '2026-02-30', followers: 3 },
    field: 'date',
    reason: /real date/,
  },
  {
    name: 'a negative count',
    url: '/v1/followers:batch',
    item: { network: 'x', profileId: 'p', date: '2026-02-03', followers: -1 },
    field: 'followers',
    reason: /must not be negative/,
  },
  {
    name: 'a negative metric',
    url: '/v1/posts:batch',
    item: post('b5', { metrics: { capturedAt: '2026-02-01T00:00:00Z', impressions: -5 } }),
    field: 'metrics.impressions',
    reason: /must not be negative/,
  },
  {
    name: 'a fraction where a count belongs',
    url: '/v1/metrics:batch',
    item: { network: 'x', networkPostId: 'b6', metrics: { capturedAt: '2026-02-01T00:00:00Z', likes: 1.5 } },
    field: 'metrics.likes',
    reason: /integer/,
  },
  {
    name: 'a 1 MB text',
    url: '/v1/mentions:batch',
    item: { network: 'x', networkMentionId: 'b7', text: 'a'.repeat(1_000_000), occurredAt: '2026-02-01T00:00:00Z' },
    field: 'text',
    reason: /100000 characters/,
  },
  {
    name: 'a year-0 date (0000-01-01)',
    url: '/v1/posts:batch',
    item: post('b9', { publishedAt: '0000-01-01T00:00:00Z' }),
    field: 'publishedAt',
    reason: /years 1970 to 2099/,
  },
  {
    name: 'a date in year 2100',
    url: '/v1/mentions:batch',
    item: { network: 'x', networkMentionId: 'b10', text: 'hi', occurredAt: '2100-01-01T00:00:00Z' },
    field: 'occurredAt',
    reason: /years 1970 to 2099/,
  },
  {
    name: 'a follower day before 1970',
    url: '/v1/followers:batch',
    item: { network: 'x', profileId: 'p', date: '1969-12-31', followers: 3 },
    field: 'date',
    reason: /years 1970 to 2099/,
  },
  { name: 'a javascript: link', url: '/v1/posts:batch', item: post('b11', { link: 'javascript:alert(1)' }), field: 'link', reason: /http:\/\/ or https:\/\// },
  { name: 'a data: link', url: '/v1/posts:batch', item: post('b12', { link: 'data:text/html,<script>alert(1)</script>' }), field: 'link', reason: /http/ },
  {
    name: 'a counter above 2^53 - 1',
    url: '/v1/posts:batch',
    item: post('b13', { metrics: { capturedAt: '2026-02-01T00:00:00Z', impressions: 2 ** 53 } }),
    field: 'metrics.impressions',
    reason: /9007199254740991/,
  },
  {
    name: 'a follower count above 2^53 - 1',
    url: '/v1/followers:batch',
    item: { network: 'x', profileId: 'p', date: '2026-02-03', followers: 1e17 },
    field: 'followers',
    reason: /9007199254740991/,
  },
  { name: 'a field the schema does not know', url: '/v1/posts:batch', item: post('b8', { impressions: 3 }), field: 'impressions', reason: /not a known field/ },
];

describe('bad input to the batch routes', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
  });
  afterAll(() => kit?.close());

  const send = (url: string, payload: unknown) => kit.app.inject({ method: 'POST', url, headers: { 'x-api-key': KEY_A }, payload: payload as object });

  it.each(cases)('refuses $name with a 400 naming the field', async ({ url, item, field, reason }) => {
    const res = await send(url, { items: [item] });
    expect(res.statusCode).toBe(400);
    const [rejection] = res.json().error.details;
    expect(rejection).toMatchObject({ index: 0, field });
    expect(rejection.reason).toMatch(reason);
  });

  it.each([
    ['a NUL byte in a text', post('n1', { text: 'a\u0000b' }), 'body.items.1.text', /NUL/],
    ['a NUL byte in an id', post('n2\u0000'), 'body.items.1.networkPostId', /NUL/],
    ['a lone surrogate in a tag', post('n3', { tags: ['ok', '\ud800'] }), 'body.items.1.tags.1', /surrogate/],
  ])('refuses %s with a 400 naming the field (PostgreSQL cannot store it)', async (_name, item, field, message) => {
    const res = await send('/v1/posts:batch', { items: [post('fine-but-same-request'), item] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TEXT_INVALID', details: [{ field, message: expect.stringMatching(message) }] });
  });

  it('refuses a body that is not a batch, naming what is wrong', async () => {
    const res = await send('/v1/posts:batch', { posts: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('items') });
  });

  it('refuses an empty batch and one over 10,000 items', async () => {
    expect((await send('/v1/posts:batch', { items: [] })).json().error.message).toMatch(/items/);
    const tooMany = await send('/v1/mentions:batch', { items: Array.from({ length: 10_001 }, () => ({})) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/10000/);
  });

  it('refuses malformed JSON with a 400', async () => {
    const res = await kit.app.inject({
      method: 'POST',
      url: '/v1/posts:batch',
      headers: { 'x-api-key': KEY_A, 'content-type': 'application/json' },
      payload: '{"items": [',
    });
    expect(res.statusCode).toBe(400);
  });

  it('stored nothing and published nothing for all of that, and keeps serving', async () => {
    expect(await kit.db.prisma.ingestedItem.count()).toBe(0);
    expect(await kit.db.prisma.outboxEvent.count()).toBe(0);
    expect(kit.events()).toEqual([]);
    const res = await send('/v1/posts:batch', { items: [post('fine')] });
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await kit.app.inject('/health')).statusCode).toBe(200);
  });

  it('accepts 2^53 - 1 impressions and a link in capitals (HTTPS://)', async () => {
    const res = await send('/v1/posts:batch', {
      items: [post('big', { link: 'HTTPS://example.com/p', metrics: { capturedAt: '2026-02-01T00:00:00Z', impressions: Number.MAX_SAFE_INTEGER } })],
    });
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });
});
