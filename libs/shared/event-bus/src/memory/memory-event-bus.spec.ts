import { createEvent, TOPICS } from '@herald/events';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { registerEventBusContract, type ContractRecord } from '../contract/event-bus.contract.ts';
import type { DeliveredEvent } from '../event-bus.ts';
import { createMemoryEventBus, type MemoryEventBus, type MemoryRecord } from './memory-event-bus.ts';

const toContractRecord = (r: MemoryRecord): ContractRecord => ({
  partition: r.partition,
  offset: r.offset,
  key: r.key?.toString() ?? null,
  value: r.value,
  headers: { ...r.headers },
});

registerEventBusContract<MemoryEventBus>('MemoryEventBus', {
  createBus: async ({ topicPrefix, logger }) => createMemoryEventBus({ topicPrefix, logger }),
  readTopic: async (bus, topic, count, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    while (bus.records(topic).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return bus.records(topic).map(toContractRecord);
  },
  deleteTopic: (bus, topic) => bus.deleteTopic(topic),
  // Only a failing test waits this long; a busy machine must not turn a slow pass into a failure.
  timeoutMs: 60_000,
});

const mention = (id: string) =>
  createEvent({
    type: 'ingestion.mention.received',
    workspaceId: 'ws-memory',
    source: 'memory-event-bus-spec',
    payload: { mention: { network: 'instagram', networkMentionId: id, kind: 'comment', text: 'love it', occurredAt: '2026-01-05T09:00:00.000Z' } },
  });

async function busWithTopics(): Promise<MemoryEventBus> {
  const bus = createMemoryEventBus({ logger: pino({ level: 'silent' }) });
  await bus.ensureTopics();
  return bus;
}

describe('MemoryEventBus', () => {
  it('never calls a handler inside publish', async () => {
    const bus = await busWithTopics();
    const handled: DeliveredEvent[] = [];
    await bus.subscribe({ groupId: 'async', topics: [TOPICS.mentions], handle: async (events) => void handled.push(...events) });

    await bus.publish([mention('m1')]);
    expect(handled).toHaveLength(0);
    await bus.drain();
    expect(handled).toHaveLength(1);
    await bus.close();
  });

  it('drain waits for retries and dead letters to finish', async () => {
    const bus = await busWithTopics();
    let calls = 0;
    await bus.subscribe({
      groupId: 'failing',
      topics: [TOPICS.mentions],
      retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 20 },
      handle: async () => {
        calls += 1;
        throw new Error('always');
      },
    });

    await bus.publish([mention('m2')]);
    await bus.drain();
    expect(calls).toBe(3);
    expect(bus.records(`${TOPICS.mentions}.dlq`)).toHaveLength(1);
    expect(bus.isIdle()).toBe(true);
    await bus.close();
  });

  it('drain rejects with EVENT_BUS_DRAIN_TIMEOUT when a handler never finishes', async () => {
    const bus = await busWithTopics();
    await bus.subscribe({ groupId: 'stuck', topics: [TOPICS.mentions], handle: () => new Promise(() => undefined) });

    await bus.publish([mention('m3')]);
    await expect(bus.drain({ timeoutMs: 100 })).rejects.toMatchObject({ code: 'EVENT_BUS_DRAIN_TIMEOUT' });
  });

  it('keeps topics and groups of different prefixes apart', async () => {
    const logger = pino({ level: 'silent' });
    const tenantA = createMemoryEventBus({ topicPrefix: 'tenant-a.', logger });
    await tenantA.ensureTopics([TOPICS.mentions]);
    await tenantA.publish([mention('m4')]);

    expect(tenantA.records(TOPICS.mentions)).toHaveLength(1);
    const tenantB = createMemoryEventBus({ topicPrefix: 'tenant-b.', logger });
    expect(() => tenantB.records(TOPICS.mentions)).toThrow(/tenant-b\.herald\.ingestion\.mentions\.v1/);
  });

  it('rejects a topic prefix Kafka would refuse', () => {
    expect(() => createMemoryEventBus({ topicPrefix: 'no spaces/' })).toThrow(expect.objectContaining({ code: 'EVENT_BUS_CONFIG_INVALID' }));
  });
});
