// Usage: npx tsx tools/prisma/migrate.ts <data-access-lib-dir> [schema]
//
// Applies a lib's committed migrations to DATABASE_URL (a postgresql:// URL) in the given schema
// (default: the URL's ?schema=, then the lib's folder's service name), the way services do at start-up.
// With internet access `prisma migrate deploy` in the lib folder does the same with the native engine.
import { basename, dirname, resolve } from 'node:path';

import { DatabaseError, migrateDatabase, parsePostgresUrl } from '@herald/db';

const [libArg, schemaArg] = process.argv.slice(2);
const url = process.env['DATABASE_URL'];
if (!libArg || !url) {
  console.error('Usage: DATABASE_URL=postgresql://… npx tsx tools/prisma/migrate.ts <data-access-lib-dir> [schema]');
  process.exit(2);
}
const libDir = resolve(libArg);
// libs/<service>/data-access → <service>
const schema = schemaArg ?? parsePostgresUrl(url).schema ?? basename(dirname(libDir));

try {
  const applied = await migrateDatabase({ target: { kind: 'postgres', url, schema }, migrationsDir: resolve(libDir, 'prisma/migrations') });
  console.log(applied.length ? `Applied to schema ${schema}:\n  ${applied.join('\n  ')}` : `Schema ${schema} is up to date.`);
} catch (error) {
  console.error(error instanceof DatabaseError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
}
