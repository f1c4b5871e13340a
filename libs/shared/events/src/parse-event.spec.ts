import { describe, expect, it } from 'vitest';

import { createEvent, deriveEventId } from './create-event.ts';
import { InvalidEventError } from './errors.ts';
import { decodeEvent, encodeEvent, parseEvent } from './parse-event.ts';
import { partitionKeyOf } from './partition-key.ts';
import type { Network } from './payloads/common.ts';

const post = {
  network: 'x' as const,
  networkPostId: '1234567890123456789',
  publishedAt: '2026-11-02T10:00:00.000Z',
  text: 'Launch day',
  contentType: 'text' as const,
  tags: [],
};

describe('events', () => {
  it('round-trips a created event through bytes', () => {
    const event = createEvent({ type: 'ingestion.post.published', workspaceId: 'ws1', source: 'ingestion', payload: { post } });
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
  });

  it('rejects an unknown event type', () => {
    const event = { ...createEvent({ type: 'ingestion.post.published', workspaceId: 'ws1', source: 's', payload: { post } }), type: 'post.deleted' };
    expect(() => parseEvent(event)).toThrowError(/unknown event type "post.deleted"/);
  });

  it('names the invalid payload field', () => {
    const event = createEvent({
      type: 'ingestion.post.published',
      workspaceId: 'ws1',
      source: 's',
      payload: { post, metrics: { capturedAt: '2026-11-02T10:00:00Z', impressions: -5 } },
    });
    expect(() => parseEvent(event)).toThrowError(/\/payload\/metrics\/impressions/);
  });

  it('marks non-JSON bytes as a non-retriable invalid event', () => {
    try {
      decodeEvent(Buffer.from('{not json'));
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEventError);
      expect((error as InvalidEventError).retriable).toBe(false);
    }
  });

  it('derives the same uuid from the same parts, a different one from others', () => {
    const a = deriveEventId('listening', 'evt-1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveEventId('listening', 'evt-1')).toBe(a);
    expect(deriveEventId('listening', 'evt-2')).not.toBe(a);
  });

  it('keys events of one post to one partition key', () => {
    const a = createEvent({ type: 'ingestion.post.published', workspaceId: 'ws1', source: 's', payload: { post } });
    const b = createEvent({ type: 'ingestion.post.updated', workspaceId: 'ws1', source: 's', payload: { post } });
    expect(partitionKeyOf(a)).toBe(partitionKeyOf(b));
  });
});

describe('payload types', () => {
  it('narrow enumerations to their values', () => {
    const network: Network = 'linkedin';
    // @ts-expect-error not a network: the static type must not widen to string
    const wrong: Network = 'myspace';
    expect([network, wrong]).toHaveLength(2);
  });
});
