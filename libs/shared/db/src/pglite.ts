import { mkdirSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { overrideAdapter, overrideAdapterFactory } from './adapter-overrides.ts';
import { assertSchemaName } from './schema-name.ts';

export { PGlite };

/** An embedded PostgreSQL: persisted in `dataDir` (created if missing), or in memory when it is omitted. */
export function openPGlite(options: { dataDir?: string } = {}): PGlite {
  if (!options.dataDir) return new PGlite();
  // PGlite creates the last folder only; a fresh `data/<service>` has no parent yet.
  mkdirSync(options.dataDir, { recursive: true });
  return new PGlite(options.dataDir);
}

/**
 * A Prisma driver adapter over an embedded PGlite. The stock adapter reports no schema and starts
 * migration scripts without awaiting them (a failing migration would surface as an unhandled
 * rejection); this one reports the service's schema, awaits scripts, and gives the engine a
 * throw-away in-memory shadow database it closes afterwards.
 */
export function createPGliteAdapter(pglite: PGlite, schema: string): SqlMigrationAwareDriverAdapterFactory {
  const schemaName = assertSchemaName(schema);
  return overrideAdapterFactory(
    new PrismaPGlite(pglite),
    {
      schemaName,
      executeScript: async (script) => {
        await pglite.exec(script);
      },
    },
    async () => {
      const shadow = await PGlite.create();
      const adapter = overrideAdapter(await new PrismaPGlite(shadow).connect(), {
        executeScript: async (script) => {
          await shadow.exec(script);
        },
      });
      return { ...adapter, dispose: () => shadow.close() };
    },
  );
}
