import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropTestSchema } from '@herald/db';
import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { createDeckDb, type DeckDb } from './deck-db.ts';

const TABLES = ['_prisma_migrations', 'decks'];

const pgUp = await requirePostgres();
const url = testPostgresUrl();
const targets = [...(pgUp ? [{ name: 'PostgreSQL', schema: uniqueName('deck_test') }] : []), { name: 'PGlite in memory', schema: undefined }];

describe.each(targets)('deck database on $name', ({ name, schema }) => {
  let db: DeckDb;
  beforeAll(() => {
    db = name === 'PostgreSQL' ? createDeckDb({ kind: 'postgres', url, schema }) : createDeckDb({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
    if (schema) await dropTestSchema({ url, schema });
  });

  it('applies the committed migration once, into its own schema and not public', async () => {
    expect(await db.migrate()).toEqual([
      expect.stringMatching(/^\d{14}_create_deck_tables$/),
      expect.stringMatching(/^\d{14}_add_deck_share_links_and_rate_limits$/),
    ]);
    expect(await db.migrate()).toEqual([]);

    const rows = await db.prisma.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_name = ANY(${TABLES}) AND table_schema IN (${db.schema}, 'public') ORDER BY table_name`;
    expect(rows).toEqual(TABLES.map((table_name) => ({ table_schema: schema ?? 'deck', table_name })));
  });

  it('stores every timestamp as timestamptz with millisecond precision', async () => {
    const columns = await db.prisma.$queryRaw<{ data_type: string; datetime_precision: number }[]>`
      SELECT DISTINCT data_type, datetime_precision FROM information_schema.columns
      WHERE table_schema = ${db.schema} AND table_name <> '_prisma_migrations' AND data_type LIKE 'timestamp%'`;
    expect(columns).toEqual([{ data_type: 'timestamp with time zone', datetime_precision: 3 }]);
  });

  it("round-trips decks and lists a workspace's newest first", async () => {
    const base = {
      workspaceId: 'acme',
      audience: 'executives',
      periodFrom: new Date('2025-01-01T00:00:00Z'),
      periodTo: new Date('2025-01-31T23:59:59.999Z'),
    };
    const html = `<div class="reveal"><div class="slides"><section>${'x'.repeat(200_000)}</section></div></div>`;
    await db.prisma.deck.create({ data: { ...base, title: 'January', html, createdAt: new Date('2025-02-01T09:00:00Z') } });
    await db.prisma.deck.create({ data: { ...base, title: 'January, again', html: '<section/>', createdAt: new Date('2025-02-02T09:00:00Z') } });
    await db.prisma.deck.create({ data: { ...base, workspaceId: 'other', title: 'Not mine', html: '<section/>' } });

    const decks = await db.prisma.deck.findMany({ where: { workspaceId: 'acme' }, orderBy: { createdAt: 'desc' } });

    expect(decks.map((d) => d.title)).toEqual(['January, again', 'January']);
    expect(decks[1]?.html).toBe(html);
    expect(decks[1]?.periodTo).toEqual(new Date('2025-01-31T23:59:59.999Z'));
  });
});
