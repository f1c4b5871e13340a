import { describe, expect, it } from 'vitest';

import { EventBusError } from './event-bus-error.ts';
import { backoffDelayMs, resolveSubscription } from './subscription-options.ts';

const handle = () => Promise.resolve();

describe('backoffDelayMs', () => {
  it('doubles from the initial delay up to the cap, with at most 25 % jitter below', () => {
    const retry = { attempts: 10, initialDelayMs: 100, maxDelayMs: 1_000 };
    // Attempts 1..5 without jitter: 100, 200, 400, 800, then capped at 1000.
    [100, 200, 400, 800, 1_000].forEach((full, i) => {
      const delay = backoffDelayMs(retry, i + 1);
      expect(delay).toBeLessThanOrEqual(full);
      expect(delay).toBeGreaterThanOrEqual(full * 0.75);
    });
  });
});

describe('resolveSubscription', () => {
  it('applies the defaults', () => {
    expect(resolveSubscription({ groupId: 'g', topics: ['t', 't'], handle })).toMatchObject({
      topics: ['t'],
      maxBatchSize: 100,
      retry: { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 },
      fromBeginning: true,
    });
  });

  it.each([
    [{ groupId: '' }, /groupId/],
    [{ topics: [] }, /no topics/],
    [{ maxBatchSize: 0 }, /maxBatchSize/],
    [{ retry: { attempts: 0 } }, /attempts/],
    [{ retry: { initialDelayMs: 500, maxDelayMs: 100 } }, /delays/],
  ])('refuses %j', (override, message) => {
    expect(() => resolveSubscription({ groupId: 'g', topics: ['t'], handle, ...override })).toThrow(message);
  });
});

describe('the transient rule of a subscription', () => {
  it('waits out the broker by default: a publish it could not take, or no broker at all', () => {
    const { isTransient } = resolveSubscription({ groupId: 'g', topics: ['t'], handle });
    expect(isTransient(new EventBusError('EVENT_BUS_PUBLISH_FAILED', 'publishing 3 event(s) failed: Connection error'))).toBe(true);
    expect(isTransient(new Error('handler wrapped it', { cause: new EventBusError('EVENT_BUS_UNREACHABLE', 'Kafka is not reachable') }))).toBe(true);
    expect(isTransient(new EventBusError('EVENT_BUS_UNKNOWN_TOPIC', 'no such topic'))).toBe(false);
    expect(isTransient(new Error('metrics for unknown post'))).toBe(false);
  });

  it("adds the service's own rule to the broker's", () => {
    const { isTransient } = resolveSubscription({ groupId: 'g', topics: ['t'], handle, isTransient: (e) => e.message === 'db down' });
    expect(isTransient(new Error('db down'))).toBe(true);
    expect(isTransient(new EventBusError('EVENT_BUS_PUBLISH_FAILED', 'failed'))).toBe(true);
    expect(isTransient(new Error('bad payload'))).toBe(false);
  });
});
