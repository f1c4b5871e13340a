import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema, isUniqueViolation } from '@herald/db';
import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { createIngestionDb, type IngestionDb } from './ingestion-db.ts';

const TABLES = ['_prisma_migrations', 'api_keys', 'idempotency_keys', 'ingested_items', 'outbox_events', 'workspaces'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const pgUp = await requirePostgres();
const url = testPostgresUrl();
const targets = [...(pgUp ? [{ name: 'PostgreSQL', schema: uniqueName('ingestion_test') }] : []), { name: 'PGlite in memory', schema: undefined }];

describe.each(targets)('ingestion database on $name', ({ name, schema }) => {
  let db: IngestionDb;
  beforeAll(() => {
    db = name === 'PostgreSQL' ? createIngestionDb({ kind: 'postgres', url, schema }) : createIngestionDb({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
    if (schema) await dropTestSchema({ url, schema });
  });

  it('applies the committed migration once, into its own schema and not public', async () => {
    expect(await db.migrate()).toEqual([
      expect.stringMatching(/^\d{14}_create_ingestion_tables$/),
      expect.stringMatching(/^\d{14}_add_idempotency_and_import_progress$/),
      expect.stringMatching(/^\d{14}_index_unpublished_outbox_events$/),
      expect.stringMatching(/^\d{14}_add_key_scopes_and_rate_limits$/),
      expect.stringMatching(/^\d{14}_add_failed_outbox_events$/),
    ]);
    expect(await db.migrate()).toEqual([]);

    const rows = await db.prisma.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_name = ANY(${TABLES}) AND table_schema IN (${db.schema}, 'public') ORDER BY table_name`;
    expect(rows).toEqual(TABLES.map((table_name) => ({ table_schema: schema ?? 'ingestion', table_name })));
  });

  it('stores every timestamp as timestamptz with millisecond precision', async () => {
    const columns = await db.prisma.$queryRaw<{ data_type: string; datetime_precision: number }[]>`
      SELECT DISTINCT data_type, datetime_precision FROM information_schema.columns
      WHERE table_schema = ${db.schema} AND table_name <> '_prisma_migrations' AND data_type LIKE 'timestamp%'`;
    expect(columns).toEqual([{ data_type: 'timestamp with time zone', datetime_precision: 3 }]);
  });

  it('finds an API key by the hash of its secret, and refuses a second key with the same hash', async () => {
    await db.prisma.workspace.create({ data: { id: 'acme', name: 'Acme' } });
    const keyHash = sha256('hk_live_secret');
    await db.prisma.apiKey.create({ data: { workspaceId: 'acme', name: 'importer', keyHash, prefix: 'hk_live_' } });

    const key = await db.prisma.apiKey.findUnique({ where: { keyHash }, include: { workspace: true } });
    const duplicate = await db.prisma.apiKey.create({ data: { workspaceId: 'acme', name: 'again', keyHash, prefix: 'hk_live_' } }).catch((e: unknown) => e);

    expect(key).toMatchObject({ name: 'importer', revokedAt: null, workspace: { name: 'Acme' } });
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('records items and their outbox events in one transaction, and lists unpublished events oldest first', async () => {
    const seenAt = new Date('2025-04-01T10:00:00Z');
    await db.prisma.$transaction(async (tx) => {
      await tx.ingestedItem.create({
        data: { workspaceId: 'acme', kind: 'post', itemKey: 'x:1', contentHash: sha256('v1'), firstSeenAt: seenAt, lastSeenAt: seenAt },
      });
      await tx.outboxEvent.createMany({
        data: [
          {
            id: 'a0d3c1e4-0000-4000-8000-000000000001',
            topic: 'herald.posts',
            key: 'acme:x:1',
            payload: { type: 'post.published', n: 1 },
            createdAt: new Date('2025-04-01T10:00:00.001Z'),
          },
          {
            id: 'a0d3c1e4-0000-4000-8000-000000000002',
            topic: 'herald.posts',
            key: 'acme:x:2',
            payload: { type: 'post.published', n: 2 },
            createdAt: new Date('2025-04-01T10:00:00.002Z'),
          },
        ],
      });
    });
    await db.prisma.outboxEvent.update({ where: { id: 'a0d3c1e4-0000-4000-8000-000000000001' }, data: { publishedAt: new Date() } });

    const pending = await db.prisma.outboxEvent.findMany({ where: { publishedAt: null }, orderBy: { createdAt: 'asc' } });
    const item = await db.prisma.ingestedItem.findUnique({
      where: { workspaceId_kind_itemKey: { workspaceId: 'acme', kind: 'post', itemKey: 'x:1' } },
    });

    expect(pending.map((e) => [e.id, e.payload])).toEqual([['a0d3c1e4-0000-4000-8000-000000000002', { type: 'post.published', n: 2 }]]);
    expect(item?.contentHash).toBe(sha256('v1'));
  });

  it('writes nothing when the transaction fails halfway', async () => {
    const seenAt = new Date('2025-04-02T10:00:00Z');
    const failed = await db.prisma
      .$transaction(async (tx) => {
        await tx.ingestedItem.create({
          data: { workspaceId: 'acme', kind: 'post', itemKey: 'x:9', contentHash: sha256('v1'), firstSeenAt: seenAt, lastSeenAt: seenAt },
        });
        // Same event id as an existing row: the outbox insert fails, so the item must not stay.
        await tx.outboxEvent.create({ data: { id: 'a0d3c1e4-0000-4000-8000-000000000002', topic: 't', key: 'k', payload: {} } });
      })
      .catch((e: unknown) => e);

    expect(isUniqueViolation(failed)).toBe(true);
    expect(await db.prisma.ingestedItem.count({ where: { itemKey: 'x:9' } })).toBe(0);
  });
});
