import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema, isUniqueViolation } from '@herald/db';
import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { createAnalyticsDb, type AnalyticsDb } from './analytics-db.ts';

const TABLES = ['_prisma_migrations', 'dead_letters', 'mentions', 'metric_snapshots', 'posts', 'processed_events'];

const pgUp = await requirePostgres();
const url = testPostgresUrl();
const targets = [...(pgUp ? [{ name: 'PostgreSQL', schema: uniqueName('analytics_test') }] : []), { name: 'PGlite in memory', schema: undefined }];

describe.each(targets)('analytics database on $name', ({ name, schema }) => {
  let db: AnalyticsDb;
  beforeAll(() => {
    db = name === 'PostgreSQL' ? createAnalyticsDb({ kind: 'postgres', url, schema }) : createAnalyticsDb({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
    if (schema) await dropTestSchema({ url, schema });
  });

  it('applies the committed migrations once, into its own schema and not public', async () => {
    expect(await db.migrate()).toEqual([
      expect.stringMatching(/^\d{14}_create_analytics_tables$/),
      expect.stringMatching(/^\d{14}_add_dead_letters$/),
      expect.stringMatching(/^\d{14}_create_rate_limit_counters$/),
      expect.stringMatching(/^\d{14}_widen_counters_to_bigint$/),
      expect.stringMatching(/^\d{14}_add_goals_settings_custom_metrics_competitors$/),
    ]);
    expect(await db.migrate()).toEqual([]);

    const rows = await db.prisma.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_name = ANY(${TABLES}) AND table_schema IN (${db.schema}, 'public') ORDER BY table_name`;
    expect(rows).toEqual(TABLES.map((table_name) => ({ table_schema: schema ?? 'analytics', table_name })));
  });

  it('stores every timestamp as timestamptz with millisecond precision', async () => {
    const columns = await db.prisma.$queryRaw<{ data_type: string; datetime_precision: number }[]>`
      SELECT DISTINCT data_type, datetime_precision FROM information_schema.columns
      WHERE table_schema = ${db.schema} AND table_name <> '_prisma_migrations' AND data_type LIKE 'timestamp%'`;
    expect(columns).toEqual([{ data_type: 'timestamp with time zone', datetime_precision: 3 }]);
  });

  it('round-trips a post with its metric snapshots through the generated client', async () => {
    const post = await db.prisma.post.create({
      data: {
        workspaceId: 'ws-1',
        network: 'instagram',
        networkPostId: '1790000000000000001',
        publishedAt: new Date('2025-03-01T09:30:00.123Z'),
        sourceTimeZone: 'Europe/Paris',
        text: 'Spring launch',
        contentType: 'reel',
        tags: ['launch', 'spring'],
        metrics: {
          create: [
            { capturedAt: new Date('2025-03-02T00:00:00Z'), impressions: 1200, likes: 80, watchTimeSeconds: 3_000_000_000n },
            { capturedAt: new Date('2025-03-03T00:00:00Z'), impressions: 2000, likes: 95 },
          ],
        },
      },
    });

    const found = await db.prisma.post.findUniqueOrThrow({
      where: { workspaceId_network_networkPostId: { workspaceId: 'ws-1', network: 'instagram', networkPostId: '1790000000000000001' } },
      include: { metrics: { orderBy: { capturedAt: 'desc' } } },
    });

    expect(found).toMatchObject({ id: post.id, publishedAt: new Date('2025-03-01T09:30:00.123Z'), tags: ['launch', 'spring'], campaign: null });
    expect(found.metrics.map((m) => [m.impressions, m.watchTimeSeconds])).toEqual([
      [2000n, null],
      [1200n, 3_000_000_000n],
    ]);
  });

  it('refuses a second post with the same network id in a workspace (P2002)', async () => {
    const data = {
      workspaceId: 'ws-2',
      network: 'x',
      networkPostId: '42',
      publishedAt: new Date('2025-01-01T00:00:00Z'),
      text: 'hello',
      contentType: 'text',
    };
    await db.prisma.post.create({ data });

    const error = await db.prisma.post.create({ data }).catch((e: unknown) => e);

    expect(isUniqueViolation(error)).toBe(true);
  });

  it('changes nothing when an event is redelivered: its effect and ProcessedEvent share a transaction', async () => {
    const eventId = '3f1c0b52-7a55-4a39-9a26-6f0d7e0c2b11';
    const apply = () =>
      db.prisma.$transaction(async (tx) => {
        await tx.processedEvent.create({ data: { eventId, consumer: 'analytics.mentions' } });
        await tx.mention.create({
          data: {
            workspaceId: 'ws-3',
            network: 'x',
            networkMentionId: `m-${Math.random()}`,
            kind: 'mention',
            text: 'love it',
            language: 'en',
            occurredAt: new Date('2025-02-01T12:00:00Z'),
            sentimentScore: 0.8,
            sentimentLabel: 'positive',
            scored: true,
            drivers: ['love'],
            topics: [],
            analyzedAt: new Date('2025-02-01T12:00:01Z'),
          },
        });
      });

    await apply();
    const redelivery = await apply().catch((e: unknown) => e);

    expect(isUniqueViolation(redelivery)).toBe(true);
    expect(await db.prisma.mention.count({ where: { workspaceId: 'ws-3' } })).toBe(1);
  });
});
