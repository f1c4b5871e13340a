import { describe, expect, it } from 'vitest';

import { EVENT_CATALOG } from './catalog.ts';
import { createEvent } from './create-event.ts';
import { decodeEvent, encodeEvent, parseEvent } from './parse-event.ts';
import { partitionKeyOf } from './partition-key.ts';
import { ALL_TOPICS, TOPICS } from './topics.ts';

const alert = (overrides: Record<string, unknown> = {}) =>
  createEvent({
    type: 'listening.alert.raised',
    workspaceId: 'ws1',
    source: 'listening',
    payload: {
      kind: 'volume_spike',
      bucket: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-02T01:00:00.000Z' },
      observed: 40,
      baseline: 2,
      score: 26.9,
      threshold: 3.5,
      mentions: 40,
      negatives: 38,
      baselineBuckets: 24,
      evidence: {
        mentions: [{ network: 'x', networkMentionId: '1', text: 'down again', occurredAt: '2026-03-02T00:01:00.000Z', label: 'negative' }],
        total: 40,
      },
      ...overrides,
    },
  });

describe('listening.alert.raised', () => {
  it('travels on its own topic, with a dead-letter topic', () => {
    expect(EVENT_CATALOG['listening.alert.raised'].topic).toBe(TOPICS.alerts);
    expect(ALL_TOPICS).toEqual(expect.arrayContaining(['herald.listening.alerts.v1', 'herald.listening.alerts.v1.dlq']));
  });

  it('round-trips through bytes and keys one workspace to one partition', () => {
    const event = alert();
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
    expect(partitionKeyOf(event)).toBe(partitionKeyOf(alert({ kind: 'negative_share_spike' })));
  });

  it('rejects an unknown kind and more than 50 evidence mentions', () => {
    expect(() => parseEvent(alert({ kind: 'meltdown' }))).toThrow(/\/payload\/kind/);
    const many = Array.from({ length: 51 }, (_, i) => ({
      network: 'x',
      networkMentionId: String(i),
      text: 't',
      occurredAt: '2026-03-02T00:01:00.000Z',
      label: 'negative',
    }));
    expect(() => parseEvent(alert({ evidence: { mentions: many, total: 51 } }))).toThrow(/evidence/);
  });
});
