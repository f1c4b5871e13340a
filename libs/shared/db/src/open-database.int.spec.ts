import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterAll, describe, expect, it } from 'vitest';

import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { openDatabase, type DatabaseTarget } from './open-database.ts';
import { dropTestSchema } from './test-database.ts';

const migrationsDir = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));

/**
 * Stands in for a generated PrismaClient: it keeps the adapter so the test can query through the
 * very connections the client would use, and records that it was disconnected.
 */
function clientStub(adapterFactory: SqlMigrationAwareDriverAdapterFactory) {
  return {
    disconnected: 0,
    async $disconnect() {
      this.disconnected += 1;
    },
    async query(sql: string) {
      const adapter = await adapterFactory.connect();
      try {
        const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
        return { rows: result.rows, schemaName: adapter.getConnectionInfo?.().schemaName };
      } finally {
        await adapter.dispose();
      }
    },
  };
}

function open(target: DatabaseTarget) {
  return openDatabase({ target, defaultSchema: 'notes', migrationsDir, createClient: clientStub });
}

const pgUp = await requirePostgres();

describe.runIf(pgUp)('openDatabase on PostgreSQL', () => {
  const url = testPostgresUrl();
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropTestSchema({ url, schema });
  });

  it('gives the client an adapter bound to the service schema, for generated and raw queries alike', async () => {
    const schema = uniqueName('db_test');
    schemas.push(schema);
    const db = open({ kind: 'postgres', url, schema });
    try {
      expect(await db.migrate()).toHaveLength(2);
      await db.ping();

      const result = await db.prisma.query('SELECT current_schema(), (SELECT count(*)::int FROM notes) AS notes');

      expect(result.schemaName).toBe(schema);
      expect(result.rows).toEqual([[schema, 1]]);
    } finally {
      await db.close();
    }
    expect(db.prisma.disconnected).toBe(1);
  });

  it('defaults to the service name as schema', () => {
    const db = open({ kind: 'postgres', url });
    expect(db.schema).toBe('notes');
    return db.close();
  });

  it('closes once however often close() is called', async () => {
    const db = open({ kind: 'postgres', url, schema: 'unused_schema' });
    await Promise.all([db.close(), db.close()]);
    await db.close();
    expect(db.prisma.disconnected).toBe(1);
  });

  it('rejects ping() when the server is unreachable', async () => {
    const db = open({ kind: 'postgres', url: 'postgresql://postgres@127.0.0.1:1/test' });
    await expect(db.ping()).rejects.toThrow();
    await db.close();
  });
});

describe('openDatabase on PGlite', () => {
  it('runs in memory in the service schema and closes the instance it opened', async () => {
    const db = open({ kind: 'pglite' });
    try {
      expect(db.schema).toBe('notes');
      expect(await db.migrate()).toHaveLength(2);
      await db.ping();

      const result = await db.prisma.query('SELECT current_schema(), (SELECT count(*)::int FROM notes) AS notes');

      expect(result).toEqual({ rows: [['notes', 1]], schemaName: 'notes' });
    } finally {
      await db.close();
    }
  });

  it('leaves a shared instance open for the other services using it', async () => {
    const pglite = await PGlite.create();
    try {
      const a = open({ kind: 'pglite', pglite, schema: 'svc_a' });
      const b = open({ kind: 'pglite', pglite, schema: 'svc_b' });
      await Promise.all([a.migrate(), b.migrate()]);
      await a.close();

      await expect(b.ping()).resolves.toBeUndefined();
      expect((await pglite.query('SELECT count(*)::int AS n FROM svc_b.notes')).rows).toEqual([{ n: 1 }]);
      await b.close();
      expect(pglite.closed).toBe(false);
    } finally {
      await pglite.close();
    }
  });
});
