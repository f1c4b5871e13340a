import { createEvent, encodeEvent, EVENT_CATALOG, partitionKeyOf } from '@herald/events';
import { Kafka, logLevel, Partitioners } from 'kafkajs';

import { KAFKA_BROKERS } from './bench-env.ts';
import { benchPost } from './sample-items.ts';

/**
 * The ceiling: a bare kafkajs producer sending the same events, already encoded, with the same
 * guarantees as the event bus (idempotent, acks from all in-sync replicas, one request in flight)
 * in requests of `sliceBytes`.
 */
export async function measureKafkaCeiling(options: {
  topicPrefix: string;
  events: number;
  sliceBytes: number;
}): Promise<{ eventsPerSecond: number; seconds: number }> {
  const messages = Array.from({ length: options.events }, (_, n) => {
    const { metrics, ...post } = benchPost(n, 'ceiling');
    const event = createEvent({ type: 'ingestion.post.published', workspaceId: 'bench', source: 'bench', payload: { post, metrics } });
    return { key: partitionKeyOf(event), value: encodeEvent(event) };
  });
  const topic = `${options.topicPrefix}${EVENT_CATALOG['ingestion.post.published'].topic}`;
  const producer = new Kafka({ clientId: 'herald-bench-ceiling', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const started = performance.now();
    let slice: typeof messages = [];
    let bytes = 0;
    const send = async () => {
      if (slice.length) await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: slice }] });
      slice = [];
      bytes = 0;
    };
    for (const message of messages) {
      slice.push(message);
      bytes += message.value.length + message.key.length;
      if (bytes >= options.sliceBytes) await send();
    }
    await send();
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: options.events / seconds, seconds };
  } finally {
    await producer.disconnect();
  }
}
