import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { overrideAdapter, overrideAdapterFactory } from './adapter-overrides.ts';
import type { DbLogger } from './db-logger.ts';
import { DatabaseError } from './errors.ts';
import { MIGRATION_FILE, MIGRATION_LOCK_FILE, POSTGRES_MIGRATION_LOCK, readMigrationsFolder } from './migrations-folder.ts';
import { engineErrorMessage, withSchemaEngine } from './schema-engine.ts';

/** `<verb>_<object>`: lower case words joined by `_`, at least two of them (create_posts, add_post_campaign). */
const MIGRATION_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

export interface CreateMigrationOptions {
  /** The `schema.prisma` the migrations should lead to. */
  schemaPath: string;
  migrationsDir: string;
  /** `<verb>_<object>`, e.g. `add_post_campaign`. */
  name: string;
  /** The timestamp of the folder name (UTC); defaults to now. */
  now?: Date;
  logger?: DbLogger;
}

export interface CreatedMigration {
  /** `<UTC timestamp>_<name>`, the folder name and the name recorded in `_prisma_migrations`. */
  name: string;
  path: string;
  sql: string;
}

/**
 * Writes the migration that takes a database from the committed migrations to `schema.prisma`, as
 * `prisma migrate dev --create-only` would, without a database server: the committed migrations are
 * replayed into an in-memory PGlite and diffed against the datamodel. Returns `null` (and writes
 * nothing) when the schema has no changes.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  if (!MIGRATION_NAME.test(options.name)) {
    throw new DatabaseError('DB_INVALID_MIGRATION_NAME', `Invalid migration name "${options.name}": use <verb>_<object> in lower case, e.g. add_post_campaign`);
  }
  const datamodel = { path: basename(options.schemaPath), content: await readFile(options.schemaPath, 'utf8') };
  const list = await readMigrationsFolder(options.migrationsDir);
  const migrationsList = { ...list, lockfile: { ...list.lockfile, content: list.lockfile.content ?? POSTGRES_MIGRATION_LOCK } };

  const pglite = await PGlite.create();
  try {
    const runScript = async (script: string) => {
      await pglite.exec(script);
    };
    // The engine replays the history into its "shadow database"; the empty in-memory instance
    // serves as both its main connection (never written) and that shadow.
    const factory = overrideAdapterFactory(new PrismaPGlite(pglite), { executeScript: runScript }, async () =>
      overrideAdapter(await new PrismaPGlite(pglite).connect(), { executeScript: runScript }),
    );
    const diff = await withSchemaEngine(factory, { datamodel, logger: options.logger }, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [datamodel] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
    ).catch((error: unknown) => {
      throw new DatabaseError('DB_MIGRATION_FAILED', `Diffing ${options.schemaPath} failed: ${engineErrorMessage(error)}`, {
        cause: error,
      });
    });
    // Exit code 2 is the engine's "the diff is not empty".
    if (diff.exitCode !== 2 || !diff.stdout) return null;

    const name = `${utcTimestamp(options.now ?? new Date())}_${options.name}`;
    const path = join(options.migrationsDir, name);
    if (existsSync(path)) {
      throw new DatabaseError('DB_MIGRATION_EXISTS', `The migration folder ${path} already exists`);
    }
    await mkdir(path, { recursive: true });
    await writeFile(join(path, MIGRATION_FILE), diff.stdout, 'utf8');
    if (list.lockfile.content === null) {
      await writeFile(join(options.migrationsDir, MIGRATION_LOCK_FILE), POSTGRES_MIGRATION_LOCK, 'utf8');
    }
    return { name, path, sql: diff.stdout };
  } finally {
    await pglite.close();
  }
}

/** `YYYYMMDDHHMMSS` in UTC, the prefix the Prisma CLI gives migration folders. */
export function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
