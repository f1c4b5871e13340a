import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema } from '@herald/db';
import { createKafkaEventBus, type KafkaEventBus, type SubscriptionHandle } from '@herald/event-bus';
import { TOPICS, type HeraldEvent } from '@herald/events';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { createLogger, type ServiceApp } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers, testPostgresUrl, uniqueName } from '@herald/testing';

import { bootstrapWorkspace } from './auth/api-keys.ts';
import { buildIngestionApp } from './build-app.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox/outbox-relay.ts';
import { KEY_A, multipartBody, post } from './testing/ingestion-test-kit.ts';
import { sharedXExport } from './testing/x-export.ts';

const pgUp = await requirePostgres();
const kafkaUp = await requireKafka();
const SAMPLE = sharedXExport('tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv');

describe.runIf(pgUp && kafkaUp)('ingestion on PostgreSQL and Kafka', () => {
  const url = testPostgresUrl();
  const schema = uniqueName('ingestion_int');
  const logger = createLogger({ name: 'ingestion-int', level: 'silent' });
  let db: IngestionDb;
  let bus: KafkaEventBus;
  let relay: OutboxRelay;
  let app: ServiceApp;
  let subscription: SubscriptionHandle;
  const received: HeraldEvent[] = [];

  beforeAll(async () => {
    db = createIngestionDb({ kind: 'postgres', url, schema });
    await db.migrate();
    await bootstrapWorkspace(db, { workspaceId: 'a', apiKey: KEY_A });
    bus = await createKafkaEventBus({ clientId: 'ingestion-int', brokers: testKafkaBrokers(), topicPrefix: `${uniqueName('ing')}.`, logger });
    await bus.ensureTopics();
    subscription = await bus.subscribe({
      groupId: uniqueName('reader'),
      topics: [TOPICS.posts, TOPICS.profiles, TOPICS.mentions],
      fromBeginning: true,
      handle: async (delivered) => {
        received.push(...delivered.map((d) => d.event));
      },
    });
    relay = createOutboxRelay({ db, bus, logger });
    app = await buildIngestionApp({ logger, db, bus, relay });
  });

  afterAll(async () => {
    await app?.close();
    await relay?.stop();
    await subscription?.stop();
    await bus?.close();
    await db?.close();
    await dropTestSchema({ url, schema });
  });

  const until = async (check: () => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const send = (path: string, items: unknown[]) => app.inject({ method: 'POST', url: path, headers: { 'x-api-key': KEY_A }, payload: { items } });

  it('publishes one event per new or changed item to Kafka, none for duplicates', async () => {
    expect((await send('/v1/posts:batch', [post('k1'), post('k2'), post('k1')])).json()).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect((await send('/v1/posts:batch', [post('k1'), post('k2', { text: 'edited' })])).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const reading = { network: 'x', networkPostId: 'k1', metrics: { capturedAt: '2026-01-06T00:00:00Z', impressions: 5 } };
    expect((await send('/v1/metrics:batch', [reading, reading])).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect((await send('/v1/followers:batch', [{ network: 'x', profileId: 'h', date: '2026-01-05', followers: 7 }])).json()).toMatchObject({ accepted: 1 });

    await until(() => received.length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // nothing more should come
    expect(received.map((e) => e.type).sort()).toEqual([
      'ingestion.followers.counted',
      'ingestion.metrics.captured',
      'ingestion.post.published',
      'ingestion.post.published',
      'ingestion.post.updated',
    ]);
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it.skipIf(!SAMPLE)('imports a real X export and publishes its 31 posts', async () => {
    const before = received.length;
    const form = multipartBody([{ name: 'file', value: readFileSync(SAMPLE ?? ''), fileName: 'export.csv' }]);
    const started = await app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': KEY_A, ...form.headers }, payload: form.payload });
    expect(started.statusCode).toBe(202);
    let job = started.json();
    while (job.state !== 'succeeded' && job.state !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await app.inject({ method: 'GET', url: `/v1/imports/${job.id}`, headers: { 'x-api-key': KEY_A } })).json();
    }
    expect(job).toMatchObject({ state: 'succeeded', rowsRead: 31, accepted: 31 });
    await relay.flush();
    await until(() => received.length >= before + 31);
    // The README of the sample: 199,256 impressions in January 2019.
    const imported = received.slice(before).flatMap((e) => (e.type === 'ingestion.post.published' ? [e.payload.metrics?.impressions ?? 0] : []));
    expect(imported.reduce((a, b) => a + b, 0)).toBe(199_256);
  });
});
