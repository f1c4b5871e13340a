import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema } from '@herald/db';
import { createKafkaEventBus, type KafkaEventBus, type SubscriptionHandle } from '@herald/event-bus';
import { createEvent, TOPICS } from '@herald/events';
import { createListeningDb, type ListeningDb } from '@herald/listening-data-access';
import { createLogger } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers, testPostgresUrl, uniqueName } from '@herald/testing';

import { startAnalyzeMentionsConsumer } from './consumers/analyze-mentions.consumer.ts';

const ready = (await requirePostgres()) && (await requireKafka());
const logger = createLogger({ name: 'test', level: 'silent' });
const WS = 'ws-int';
const base = Date.parse('2026-03-01T00:00:00Z');
const at = (h: number, minute: number) => new Date(base + h * 3_600_000 + minute * 60_000).toISOString();
const mention = (id: string, text: string, occurredAt: string) =>
  createEvent({
    type: 'ingestion.mention.received',
    workspaceId: WS,
    source: 'test',
    payload: { mention: { network: 'x', networkMentionId: id, kind: 'mention', text, occurredAt } },
  });

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.runIf(ready)('listening consumer on Kafka and PostgreSQL', () => {
  const url = testPostgresUrl();
  const schema = uniqueName('listening_int');
  const topicPrefix = `${uniqueName('listening_int')}.`;
  let db: ListeningDb;
  let bus: KafkaEventBus;
  let consumer: SubscriptionHandle;

  beforeAll(async () => {
    db = createListeningDb({ kind: 'postgres', url, schema });
    await db.migrate();
    bus = await createKafkaEventBus({ clientId: 'listening-int', brokers: testKafkaBrokers(), topicPrefix, logger });
    await bus.ensureTopics([TOPICS.mentions, TOPICS.mentionsAnalyzed, TOPICS.alerts]);
    await db.prisma.brand.create({ data: { workspaceId: WS, name: 'Acme', kind: 'own' } });
    consumer = await startAnalyzeMentionsConsumer({ bus, db, logger });
  });

  afterAll(async () => {
    await bus?.close();
    await db?.close();
    await dropTestSchema({ url, schema });
    const admin = new Kafka({ clientId: 'listening-int-cleanup', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  const quiet = Array.from({ length: 24 }, (_, h) => [
    mention(`q${h}a`, 'Thanks Acme, really helpful reply', at(h, 10)),
    mention(`q${h}b`, 'Love the new update, nice work', at(h, 40)),
  ]).flat();
  const storm = Array.from({ length: 30 }, (_, i) => mention(`s${i}`, `Acme is down again, worst outage ever 😡 ${i}`, at(24, i)));
  const stored = () => db.prisma.mentionAnalysis.count({ where: { workspaceId: WS } });
  const alerts = () => db.prisma.listeningAlert.findMany({ where: { workspaceId: WS }, orderBy: { kind: 'asc' } });

  it('stores every analysis with intent, keywords and brands, and raises each spike once across redeliveries', async () => {
    await bus.publish(quiet);
    await until('the quiet day', stored, (n) => n === quiet.length);
    await bus.publish(storm);
    await until('the storm', stored, (n) => n === quiet.length + storm.length);
    const raised = await until('both alerts published', alerts, (a) => a.length === 2 && a.every((x) => x.publishedAt !== null));
    expect(raised.map((a) => a.kind)).toEqual(['negative_share_spike', 'volume_spike']);

    const sample = await db.prisma.mentionAnalysis.findFirstOrThrow({ where: { workspaceId: WS, networkMentionId: 's0' } });
    expect(sample).toMatchObject({ label: 'negative', brandIds: [expect.any(String)], topics: expect.arrayContaining(['outage']) });
    expect(sample.intent).not.toBeNull();

    const redelivered = new Date();
    await bus.publish([...quiet, ...storm]);
    // The redelivered events are analysed again (analyzedAt moves); the alerts stay as they were.
    await until(
      'the redelivery',
      () => db.prisma.mentionAnalysis.count({ where: { workspaceId: WS, analyzedAt: { gt: redelivered } } }),
      (n) => n === quiet.length + storm.length,
    );
    // Stopping finishes the handler in flight, spike check included.
    await consumer.stop();
    const after = await alerts();
    expect(after.map((a) => [a.id, a.publishedAt?.getTime()])).toEqual(raised.map((a) => [a.id, a.publishedAt?.getTime()]));
    expect(await stored()).toBe(quiet.length + storm.length);
  }, 120_000);
});
