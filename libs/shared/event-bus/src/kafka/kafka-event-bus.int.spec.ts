import { TOPICS } from '@herald/events';
import { requireKafka, testKafkaBrokers, uniqueName } from '@herald/testing';
import { Kafka, logLevel } from 'kafkajs';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';

import { registerEventBusContract, type ContractRecord } from '../contract/event-bus.contract.ts';
import { createKafkaEventBus, type KafkaEventBus } from './kafka-event-bus.ts';

const brokers = testKafkaBrokers();
const kafkaUp = await requireKafka(brokers);

// A plain client of the test's own, to look at the broker from outside the bus.
const kafka = new Kafka({ clientId: 'event-bus-int-spec', brokers, logLevel: logLevel.NOTHING });
const admin = kafka.admin();
if (kafkaUp) await admin.connect();
afterAll(() => admin.disconnect());

/** Reads a physical topic from the start until it has `count` records or the time is up. */
async function readTopic(topic: string, count: number, timeoutMs: number): Promise<ContractRecord[]> {
  const records: ContractRecord[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    let enough: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (enough = resolve));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        records.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers });
        if (records.length >= count) enough();
      },
    });
    await Promise.race([reached, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  } finally {
    await consumer.disconnect();
  }
  return records;
}

describe.runIf(kafkaUp)(`KafkaEventBus against Kafka at ${brokers.join(',')}`, () => {
  registerEventBusContract<KafkaEventBus>('KafkaEventBus', {
    createBus: ({ topicPrefix, logger }) => createKafkaEventBus({ clientId: 'event-bus-contract', brokers, topicPrefix, logger }),
    readTopic: (bus, topic, count, timeoutMs) => readTopic(`${bus.topicPrefix}${topic}`, count, timeoutMs),
    deleteTopic: async (bus, topic) => {
      await admin.deleteTopics({ topics: [`${bus.topicPrefix}${topic}`] });
    },
    cleanup: async (prefix) => {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics });
    },
    timeoutMs: 30_000,
  });

  it('creates each topic with its dead-letter topic and the partitions asked for', async () => {
    const topicPrefix = `${uniqueName('eb')}.`;
    const bus = await createKafkaEventBus({ clientId: 'event-bus-int-spec', brokers, topicPrefix, logger: pino({ level: 'silent' }) });
    try {
      await bus.ensureTopics([TOPICS.mentions], { partitions: 2 });
      const { topics } = await admin.fetchTopicMetadata({ topics: [`${topicPrefix}${TOPICS.mentions}`, `${topicPrefix}${TOPICS.mentions}.dlq`] });
      expect(topics.map((t) => t.partitions.length)).toEqual([2, 2]);
    } finally {
      await bus.close();
      await admin.deleteTopics({ topics: [`${topicPrefix}${TOPICS.mentions}`, `${topicPrefix}${TOPICS.mentions}.dlq`] });
    }
  });
});

describe('createKafkaEventBus', () => {
  it('fails fast with EVENT_BUS_UNREACHABLE when no broker answers', async () => {
    const started = Date.now();
    // Port 1 is reserved (tcpmux) and closed on any test machine: the connection is refused at once.
    await expect(createKafkaEventBus({ clientId: 'event-bus-int-spec', brokers: ['127.0.0.1:1'], logger: pino({ level: 'silent' }) })).rejects.toMatchObject({
      code: 'EVENT_BUS_UNREACHABLE',
      message: expect.stringContaining('127.0.0.1:1'),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
