import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKafkaEventBus, DEAD_LETTER_HEADERS, type KafkaEventBus } from '@herald/event-bus';
import { createEvent, deadLetterTopicOf, TOPICS } from '@herald/events';
import { createLogger } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers } from '@herald/testing';

import { eventually } from './service-process.ts';
import { api, createTestStack, type TestStack } from './stack.ts';

const up = (await requirePostgres()) && (await requireKafka());

describe.runIf(up)('a poison message on the posts topic', () => {
  let stack: TestStack;
  let bus: KafkaEventBus;

  beforeAll(async () => {
    stack = createTestStack('e2e_poison');
    bus = await createKafkaEventBus({
      clientId: 'e2e',
      brokers: testKafkaBrokers(),
      topicPrefix: stack.env.HERALD_TOPIC_PREFIX!,
      logger: createLogger({ name: 'e2e', level: 'warn' }),
    });
    await bus.ensureTopics();
    await stack.start('analytics');
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  it('lands in the dead-letter topic with its error, and the events after it are processed', async () => {
    const key = `${stack.workspaceId}:x:1`;
    // Valid JSON, not a valid event: an envelope whose payload misses the post.
    const poison = JSON.stringify({
      ...createEvent({ type: 'ingestion.post.published', workspaceId: stack.workspaceId, source: 'e2e', payload: { post: {} as never } }),
    });
    await bus.publishRaw(TOPICS.posts, key, poison);
    await bus.publishRaw(TOPICS.posts, key, '{"this is": "not an event"');
    const good = createEvent({
      type: 'ingestion.post.published',
      workspaceId: stack.workspaceId,
      source: 'e2e',
      payload: {
        post: { network: 'x', networkPostId: '1', publishedAt: '2026-11-02T10:00:00Z', text: 'after the poison', contentType: 'text', tags: [] },
        metrics: { capturedAt: '2026-11-03T10:00:00Z', impressions: 42, engagements: 4 },
      },
    });
    await bus.publish([good]);

    const summary = await eventually(async () => {
      const res = await api<{ posts: number; impressions: number }>(`${stack.services.analytics!.url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, {
        apiKey: stack.apiKey,
      });
      expect(res.body.posts).toBe(1);
      return res.body;
    });
    expect(summary.impressions).toBe(42);

    const kafka = new Kafka({ clientId: 'e2e-dlq-reader', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${stack.run}-dlq-reader`, maxWaitTimeInMs: 500 });
    const letters: { value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: `${stack.env.HERALD_TOPIC_PREFIX}${deadLetterTopicOf(TOPICS.posts)}`, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          letters.push({
            value: message.value?.toString() ?? '',
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          });
        },
      });
      await eventually(async () => expect(letters).toHaveLength(2), { timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    expect(letters[0]!.value).toBe(poison);
    expect(letters[0]!.headers[DEAD_LETTER_HEADERS.errorCode]).toBe('EVENT_INVALID');
    expect(letters[0]!.headers[DEAD_LETTER_HEADERS.errorMessage]).toContain('/payload/post');
    expect(letters[0]!.headers[DEAD_LETTER_HEADERS.consumerGroup]).toContain('analytics');
    expect(letters[1]!.headers[DEAD_LETTER_HEADERS.errorMessage]).toContain('not JSON');
  });
});
