import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createMigration, utcTimestamp } from './create-migration.ts';
import { POSTGRES_MIGRATION_LOCK } from './migrations-folder.ts';

const HEADER = `generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

datasource db {
  provider = "postgresql"
}
`;

const NOTE = `
model Note {
  id        String   @id @default(uuid()) @db.Uuid
  body      String
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  @@map("notes")
}
`;

describe('createMigration', () => {
  let dir: string;
  let schemaPath: string;
  let migrationsDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-new-migration-'));
    schemaPath = join(dir, 'schema.prisma');
    migrationsDir = join(dir, 'migrations');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the first migration and the lock file from an empty history', async () => {
    await writeFile(schemaPath, HEADER + NOTE);

    const created = await createMigration({ schemaPath, migrationsDir, name: 'create_notes', now: new Date('2025-03-04T05:06:07Z') });

    expect(created?.name).toBe('20250304050607_create_notes');
    const sql = await readFile(join(migrationsDir, '20250304050607_create_notes', 'migration.sql'), 'utf8');
    expect(sql).toContain('CREATE TABLE "notes"');
    expect(sql).toContain('"created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP');
    // Unqualified, so the same file migrates whichever schema a deployment chooses.
    expect(sql).not.toMatch(/"public"\./);
    expect(await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toBe(POSTGRES_MIGRATION_LOCK);
  });

  it('writes only the difference from the committed migrations, and nothing when there is none', async () => {
    await writeFile(schemaPath, HEADER + NOTE);
    await createMigration({ schemaPath, migrationsDir, name: 'create_notes', now: new Date('2025-01-01T00:00:00Z') });

    expect(await createMigration({ schemaPath, migrationsDir, name: 'change_nothing' })).toBeNull();

    await writeFile(schemaPath, HEADER + NOTE.replace('  body      String\n', '  body      String\n  pinned    Boolean  @default(false)\n'));
    const created = await createMigration({ schemaPath, migrationsDir, name: 'add_note_pinned', now: new Date('2025-01-02T00:00:00Z') });

    expect(created?.sql).toContain('ALTER TABLE "notes" ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;');
    expect(created?.sql).not.toContain('CREATE TABLE');
    expect((await readdir(migrationsDir)).sort()).toEqual(['20250101000000_create_notes', '20250102000000_add_note_pinned', 'migration_lock.toml']);
  });

  it('refuses names that are not <verb>_<object>', async () => {
    await writeFile(schemaPath, HEADER + NOTE);

    await expect(createMigration({ schemaPath, migrationsDir, name: 'Notes' })).rejects.toMatchObject({ code: 'DB_INVALID_MIGRATION_NAME' });
  });

  it("reports an invalid schema with the engine's message", async () => {
    await writeFile(schemaPath, HEADER + 'model Broken { id Nope @id }\n');

    await expect(createMigration({ schemaPath, migrationsDir, name: 'create_broken' })).rejects.toMatchObject({
      code: 'DB_MIGRATION_FAILED',
      message: expect.stringContaining('Nope'),
    });
  });
});

describe('utcTimestamp', () => {
  it('formats as YYYYMMDDHHMMSS in UTC', () => {
    expect(utcTimestamp(new Date('2025-12-31T23:59:58.999+01:00'))).toBe('20251231225958');
  });
});
