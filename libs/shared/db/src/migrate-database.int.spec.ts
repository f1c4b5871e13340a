import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { migrationLockKey } from './advisory-lock.ts';
import type { DatabaseError } from './errors.ts';
import { migrateDatabase } from './migrate-database.ts';
import { schemaEngineInstances } from './schema-engine.ts';
import { dropTestSchema } from './test-database.ts';

const fixtures = fileURLToPath(new URL('../fixtures/migrations', import.meta.url));
const FIXTURE_NAMES = ['20250101000000_create_notes', '20250102000000_add_note_summary'];

/** A copy of the fixtures plus a migration whose second statement fails. */
async function brokenMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'herald-db-'));
  await cp(fixtures, dir, { recursive: true });
  await mkdir(join(dir, '20250103000000_break_notes'));
  await writeFile(join(dir, '20250103000000_break_notes/migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n');
  return dir;
}

const pgUp = await requirePostgres();

describe.runIf(pgUp)('migrateDatabase on PostgreSQL', () => {
  const url = testPostgresUrl();
  const client = new pg.Client({ connectionString: url });
  const schemas: string[] = [];
  const freshSchema = () => {
    const schema = uniqueName('db_test');
    schemas.push(schema);
    return schema;
  };
  const tablesOf = async (schema: string) =>
    (
      await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema])
    ).rows.map((r) => r.table_name);

  beforeAll(() => client.connect());
  afterAll(async () => {
    await client.end();
    for (const schema of schemas) await dropTestSchema({ url, schema });
  });

  it('creates the schema and applies every migration into it, recorded as prisma migrate deploy records them', async () => {
    const schema = freshSchema();

    const applied = await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures });

    expect(applied).toEqual(FIXTURE_NAMES);
    expect(await tablesOf(schema)).toEqual(['_prisma_migrations', 'notes']);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "${schema}"._prisma_migrations ORDER BY migration_name`);
    for (const [i, name] of FIXTURE_NAMES.entries()) {
      const sql = await readFile(join(fixtures, name, 'migration.sql'));
      expect(rows[i]).toMatchObject({
        migration_name: name,
        checksum: createHash('sha256').update(sql).digest('hex'),
        applied_steps_count: 1,
        rolled_back_at: null,
      });
      expect(rows[i]?.finished_at).toBeInstanceOf(Date);
    }
  });

  it('runs each script whole, so semicolons inside functions and literals survive', async () => {
    const schema = freshSchema();
    await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures });

    const { rows } = await client.query(`SELECT "${schema}".note_summary(body) AS summary FROM "${schema}".notes`);
    expect(rows).toEqual([{ summary: 'first;' }]);
  });

  it('leaves no table in public', async () => {
    const schema = freshSchema();
    await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures });

    const { rows } = await client.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'notes' AND table_schema <> $1 AND table_schema = 'public'`,
      [schema],
    );
    expect(rows).toEqual([]);
  });

  it('applies nothing the second time', async () => {
    const schema = freshSchema();
    await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures });

    const loaded = schemaEngineInstances();
    await expect(migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures })).resolves.toEqual([]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}"._prisma_migrations`);
    expect(rows[0]).toEqual({ n: 2 });
    // Up to date (names and checksums match): the schema engine is not even loaded.
    expect(schemaEngineInstances()).toBe(loaded);
  });

  it('hands a migration added later to the engine, which applies just that one', async () => {
    const schema = freshSchema();
    const dir = await mkdtemp(join(tmpdir(), 'herald-db-'));
    await cp(fixtures, dir, { recursive: true });
    await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: dir });
    await mkdir(join(dir, '20250104000000_add_tags'));
    await writeFile(join(dir, '20250104000000_add_tags/migration.sql'), 'ALTER TABLE "notes" ADD COLUMN "tags" TEXT;\n');

    await expect(migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: dir })).resolves.toEqual(['20250104000000_add_tags']);
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the schema from the URL when none is given, as Prisma URLs do', async () => {
    const schema = freshSchema();

    const applied = await migrateDatabase({ target: { kind: 'postgres', url: `${url}?schema=${schema}` }, migrationsDir: fixtures });

    expect(applied).toEqual(FIXTURE_NAMES);
    expect(await tablesOf(schema)).toContain('notes');
  });

  it('lets two replicas migrate a fresh schema at once: both succeed, each migration recorded once', async () => {
    const schema = freshSchema();
    const target = { kind: 'postgres' as const, url, schema };

    const results = await Promise.all([migrateDatabase({ target, migrationsDir: fixtures }), migrateDatabase({ target, migrationsDir: fixtures })]);

    // One replica applied both migrations; the other waited on the lock and found nothing to do.
    expect(results.map((r) => r.length).sort()).toEqual([0, 2]);
    const { rows } = await client.query(
      `SELECT migration_name, count(*)::int AS n FROM "${schema}"._prisma_migrations GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(rows).toEqual(FIXTURE_NAMES.map((migration_name) => ({ migration_name, n: 1 })));
  });

  it('gives up with DB_MIGRATION_LOCK_TIMEOUT while another replica holds the schema lock', async () => {
    const schema = freshSchema();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', migrationLockKey(schema));

      const error = (await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: fixtures, lockTimeoutMs: 300 }).catch(
        (e: unknown) => e,
      )) as DatabaseError;

      expect(error.code).toBe('DB_MIGRATION_LOCK_TIMEOUT');
      expect(error.retriable).toBe(true);
    } finally {
      await holder.end();
    }
  });

  it('fails with DB_MIGRATION_FAILED and rolls the failed migration back as a whole', async () => {
    const schema = freshSchema();
    const dir = await brokenMigrations();
    try {
      const error = (await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: dir }).catch((e: unknown) => e)) as DatabaseError;

      expect(error.code).toBe('DB_MIGRATION_FAILED');
      expect(error.message).toContain('no_such_table');
      expect(await tablesOf(schema)).toEqual(['_prisma_migrations', 'notes']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('migrateDatabase on PGlite', () => {
  it('applies every migration into an in-memory database, in the given schema, then nothing', async () => {
    const pglite = await PGlite.create();
    try {
      const target = { kind: 'pglite' as const, pglite, schema: 'notes_service' };

      expect(await migrateDatabase({ target, migrationsDir: fixtures })).toEqual(FIXTURE_NAMES);
      expect(await migrateDatabase({ target, migrationsDir: fixtures })).toEqual([]);

      const { rows } = await pglite.query<{ table_schema: string; table_name: string }>(
        `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'notes_service') ORDER BY 2`,
      );
      expect(rows).toEqual([
        { table_schema: 'notes_service', table_name: '_prisma_migrations' },
        { table_schema: 'notes_service', table_name: 'notes' },
      ]);
      const summary = await pglite.query('SELECT notes_service.note_summary(body) AS summary FROM notes_service.notes');
      expect(summary.rows).toEqual([{ summary: 'first;' }]);
    } finally {
      await pglite.close();
    }
  });

  it('creates a missing data dir and keeps what it applied there across restarts', async () => {
    const root = await mkdtemp(join(tmpdir(), 'herald-pglite-'));
    const dataDir = join(root, 'data', 'notes');
    try {
      expect(await migrateDatabase({ target: { kind: 'pglite', dataDir }, migrationsDir: fixtures })).toEqual(FIXTURE_NAMES);
      expect(await migrateDatabase({ target: { kind: 'pglite', dataDir }, migrationsDir: fixtures })).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('migrates two schemas of one shared instance at once, each on its own', async () => {
    const pglite = await PGlite.create();
    try {
      const searchPath = (await pglite.query('SHOW search_path')).rows;
      const [a, b] = await Promise.all([
        migrateDatabase({ target: { kind: 'pglite', pglite, schema: 'svc_a' }, migrationsDir: fixtures }),
        migrateDatabase({ target: { kind: 'pglite', pglite, schema: 'svc_b' }, migrationsDir: fixtures }),
      ]);

      expect([a, b]).toEqual([FIXTURE_NAMES, FIXTURE_NAMES]);
      const { rows } = await pglite.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'notes'`);
      expect(rows).toEqual([{ n: 2 }]);
      // The borrowed search_path is given back.
      expect((await pglite.query('SHOW search_path')).rows).toEqual(searchPath);
    } finally {
      await pglite.close();
    }
  });

  it('fails with DB_MIGRATION_FAILED, without a stray rejection, when a migration breaks', async () => {
    const dir = await brokenMigrations();
    const pglite = await PGlite.create();
    try {
      const error = (await migrateDatabase({ target: { kind: 'pglite', pglite }, migrationsDir: dir }).catch((e: unknown) => e)) as DatabaseError;

      expect(error.code).toBe('DB_MIGRATION_FAILED');
      expect(error.message).toContain('no_such_table');
      const { rows } = await pglite.query(`SELECT table_name FROM information_schema.tables WHERE table_name = 'half_done'`);
      expect(rows).toEqual([]);
    } finally {
      await pglite.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
