import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { POSTGRES_MIGRATION_LOCK, readMigrationsFolder } from './migrations-folder.ts';

describe('readMigrationsFolder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'herald-migrations-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists migration folders in name order with their SQL, ignoring loose files', async () => {
    await writeFile(join(dir, 'migration_lock.toml'), POSTGRES_MIGRATION_LOCK);
    await writeFile(join(dir, 'README.md'), 'notes');
    for (const name of ['20250102000000_add_b', '20250101000000_create_a']) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'migration.sql'), `-- ${name}\n`);
    }

    const list = await readMigrationsFolder(dir);

    expect(list.lockfile).toEqual({ path: 'migration_lock.toml', content: POSTGRES_MIGRATION_LOCK });
    expect(list.migrationDirectories).toEqual([
      { path: '20250101000000_create_a', migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: '-- 20250101000000_create_a\n' } } },
      { path: '20250102000000_add_b', migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: '-- 20250102000000_add_b\n' } } },
    ]);
  });

  it('passes a folder without migration.sql on as an error for the engine to report', async () => {
    await mkdir(join(dir, '20250101000000_empty'));

    const [migration] = (await readMigrationsFolder(dir)).migrationDirectories;

    expect(migration?.migrationFile.content.tag).toBe('error');
  });

  it('treats a missing folder as no migrations and no lock file', async () => {
    const list = await readMigrationsFolder(join(dir, 'missing'));

    expect(list.migrationDirectories).toEqual([]);
    expect(list.lockfile.content).toBeNull();
  });
});
