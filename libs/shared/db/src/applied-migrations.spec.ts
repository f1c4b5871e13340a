import { createHash } from 'node:crypto';

import type { MigrationList } from '@prisma/schema-engine-wasm';
import { describe, expect, it } from 'vitest';

import { isUpToDate } from './applied-migrations.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const list = (...migrations: [string, string][]): MigrationList => ({
  baseDir: '/m',
  lockfile: { path: 'migration_lock.toml', content: null },
  shadowDbInitScript: '',
  migrationDirectories: migrations.map(([path, value]) => ({ path, migrationFile: { path: 'migration.sql', content: { tag: 'ok', value } } })),
});

describe('isUpToDate', () => {
  const folder = list(['001_create', 'CREATE TABLE a ();'], ['002_alter', 'ALTER TABLE a ADD b int;']);

  it('is true when every migration is applied with its checksum', () => {
    expect(
      isUpToDate(folder, [
        { migration_name: '001_create', checksum: sha('CREATE TABLE a ();') },
        { migration_name: '002_alter', checksum: sha('ALTER TABLE a ADD b int;') },
      ]),
    ).toBe(true);
  });

  it('is false when a migration is missing, or was edited since it was applied', () => {
    expect(isUpToDate(folder, [{ migration_name: '001_create', checksum: sha('CREATE TABLE a ();') }])).toBe(false);
    expect(
      isUpToDate(folder, [
        { migration_name: '001_create', checksum: sha('CREATE TABLE a ();') },
        { migration_name: '002_alter', checksum: sha('ALTER TABLE a ADD c int;') },
      ]),
    ).toBe(false);
  });

  it('is false when a migration file could not be read', () => {
    const unreadable: MigrationList = {
      ...folder,
      migrationDirectories: [{ path: '001_create', migrationFile: { path: 'migration.sql', content: { tag: 'error', value: 'EACCES' } } }],
    };
    expect(isUpToDate(unreadable, [{ migration_name: '001_create', checksum: sha('CREATE TABLE a ();') }])).toBe(false);
  });
});
