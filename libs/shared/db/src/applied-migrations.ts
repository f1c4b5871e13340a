import { createHash } from 'node:crypto';

import type { MigrationList } from '@prisma/schema-engine-wasm';

/** A finished, not rolled back row of `_prisma_migrations`. */
export interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

/** Reads the applied migrations of the current schema; `[]` when the table does not exist yet. */
export const APPLIED_MIGRATIONS_SQL = (schemaIdent: string) =>
  `SELECT migration_name, checksum FROM ${schemaIdent}."_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/**
 * True when every migration in the folder is recorded as applied with the checksum Prisma records
 * (SHA-256 of migration.sql). Then there is nothing for the schema engine to do, and loading it
 * (WASM, a second or more, and a timer that keeps a one-off command alive ten seconds) is skipped.
 * Anything else (a new, edited or failed migration) goes to the engine, which decides.
 */
export function isUpToDate(list: MigrationList, applied: readonly AppliedMigration[]): boolean {
  const recorded = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  return list.migrationDirectories.every((dir) => {
    const { content } = dir.migrationFile;
    if (content.tag !== 'ok') return false;
    return recorded.get(dir.path) === createHash('sha256').update(content.value).digest('hex');
  });
}
