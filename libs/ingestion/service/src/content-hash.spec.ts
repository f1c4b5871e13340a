import { describe, expect, it } from 'vitest';

import { MentionItemSchema, PostItemSchema } from './api/batch.schema.ts';
import { canonicalJson, canonicalSerializerOf, contentHashOf } from './content-hash.ts';

describe('content hashes', () => {
  const serialize = canonicalSerializerOf(PostItemSchema);
  const item = {
    text: 'hello "quoted" \u00e9',
    network: 'x',
    tags: ['b', 'a'],
    networkPostId: '1',
    publishedAt: '2026-01-05T10:00:00Z',
    contentType: 'text',
    metrics: { likes: 2, capturedAt: '2026-01-06T00:00:00Z', impressions: 10 },
    campaign: undefined,
  };

  it('serializes a post with sorted keys exactly as the general canonical form does', () => {
    expect(serialize(item)).toBe(canonicalJson(item));
    const mention = { text: 't', network: 'x', networkMentionId: 'm', kind: 'mention', occurredAt: '2026-01-05T10:00:00Z' };
    expect(canonicalSerializerOf(MentionItemSchema)(mention)).toBe(canonicalJson(mention));
  });

  it('gives the same hash whatever the order of the keys, and another for other content', () => {
    const { metrics, ...rest } = item;
    const reordered = { metrics: { impressions: metrics.impressions, capturedAt: metrics.capturedAt, likes: metrics.likes }, ...rest };
    expect(contentHashOf(reordered, serialize)).toBe(contentHashOf(item, serialize));
    expect(contentHashOf({ ...item, text: 'other' }, serialize)).not.toBe(contentHashOf(item, serialize));
    expect(contentHashOf(item, serialize)).toMatch(/^[0-9a-f]{64}$/);
  });
});
