import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema, isUniqueViolation } from '@herald/db';
import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { createListeningDb, type ListeningDb } from './listening-db.ts';

const TABLES = ['_prisma_migrations', 'brands', 'dead_letters', 'listening_alerts', 'mention_analyses', 'processed_events'];

const pgUp = await requirePostgres();
const url = testPostgresUrl();
const targets = [...(pgUp ? [{ name: 'PostgreSQL', schema: uniqueName('listening_test') }] : []), { name: 'PGlite in memory', schema: undefined }];

const analysis = (overrides: { sourceEventId: string; networkMentionId: string }) => ({
  workspaceId: 'acme',
  network: 'x',
  score: -0.6,
  label: 'negative',
  scored: true,
  language: 'en',
  drivers: ['broken', 'refund'],
  intent: 'complaint',
  intentConfidence: 0.9,
  topics: ['delivery'],
  text: 'Parcel arrived broken, I want a refund',
  occurredAt: new Date('2025-05-01T08:00:00.250Z'),
  analyzedAt: new Date('2025-05-01T08:00:01Z'),
  ...overrides,
});

describe.each(targets)('listening database on $name', ({ name, schema }) => {
  let db: ListeningDb;
  beforeAll(() => {
    db = name === 'PostgreSQL' ? createListeningDb({ kind: 'postgres', url, schema }) : createListeningDb({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
    if (schema) await dropTestSchema({ url, schema });
  });

  it('applies the committed migrations once, in order, into its own schema and not public', async () => {
    expect(await db.migrate()).toEqual([
      expect.stringMatching(/^\d{14}_create_listening_tables$/),
      expect.stringMatching(/^\d{14}_add_brands_and_alerts$/),
      expect.stringMatching(/^\d{14}_add_dead_letters$/),
      expect.stringMatching(/^\d{14}_create_rate_limit_counters$/),
    ]);
    expect(await db.migrate()).toEqual([]);

    const rows = await db.prisma.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_name = ANY(${TABLES}) AND table_schema IN (${db.schema}, 'public') ORDER BY table_name`;
    expect(rows).toEqual(TABLES.map((table_name) => ({ table_schema: schema ?? 'listening', table_name })));
  });

  it('stores every timestamp as timestamptz with millisecond precision', async () => {
    const columns = await db.prisma.$queryRaw<{ data_type: string; datetime_precision: number }[]>`
      SELECT DISTINCT data_type, datetime_precision FROM information_schema.columns
      WHERE table_schema = ${db.schema} AND table_name <> '_prisma_migrations' AND data_type LIKE 'timestamp%'`;
    expect(columns).toEqual([{ data_type: 'timestamp with time zone', datetime_precision: 3 }]);
  });

  it('round-trips a mention analysis through the generated client', async () => {
    await db.prisma.mentionAnalysis.create({ data: analysis({ sourceEventId: '6b1e2f10-0000-4000-8000-000000000001', networkMentionId: 'm1' }) });

    const found = await db.prisma.mentionAnalysis.findUniqueOrThrow({ where: { sourceEventId: '6b1e2f10-0000-4000-8000-000000000001' } });

    expect(found).toMatchObject({
      networkMentionId: 'm1',
      score: -0.6,
      drivers: ['broken', 'refund'],
      topics: ['delivery'],
      intentConfidence: 0.9,
      occurredAt: new Date('2025-05-01T08:00:00.250Z'),
    });
  });

  it('refuses a second analysis of the same mention (P2002)', async () => {
    const error = await db.prisma.mentionAnalysis
      .create({ data: analysis({ sourceEventId: '6b1e2f10-0000-4000-8000-000000000002', networkMentionId: 'm1' }) })
      .catch((e: unknown) => e);

    expect(isUniqueViolation(error)).toBe(true);
  });

  it('keeps one alert per workspace, kind and bucket (P2002 on a second)', async () => {
    const alert = {
      workspaceId: 'acme',
      kind: 'volume_spike',
      bucketStart: new Date('2025-05-01T08:00:00Z'),
      bucketEnd: new Date('2025-05-01T09:00:00Z'),
      observed: 40,
      baseline: 3,
      score: 21.5,
      payload: { evidence: { total: 40 } },
      detectedAt: new Date('2025-05-01T08:30:00Z'),
    };
    await db.prisma.listeningAlert.create({ data: { id: '6b1e2f10-0000-4000-8000-0000000000a1', ...alert } });

    const again = await db.prisma.listeningAlert.create({ data: { id: '6b1e2f10-0000-4000-8000-0000000000a2', ...alert } }).catch((e: unknown) => e);

    expect(isUniqueViolation(again)).toBe(true);
  });

  it('remembers processed events, so a redelivery is recognised', async () => {
    const eventId = '6b1e2f10-0000-4000-8000-0000000000ff';
    await db.prisma.processedEvent.create({ data: { eventId, consumer: 'listening.analyze' } });

    const again = await db.prisma.processedEvent.create({ data: { eventId, consumer: 'listening.analyze' } }).catch((e: unknown) => e);

    expect(isUniqueViolation(again)).toBe(true);
  });
});
