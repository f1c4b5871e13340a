// Usage: npx tsx tools/prisma/new-migration.ts <data-access-lib-dir> <verb_object>
//
// Writes <lib>/prisma/migrations/<UTC timestamp>_<verb_object>/migration.sql: the SQL that takes a
// database from the committed migrations to the lib's current prisma/schema.prisma. Needs no database
// server and no Prisma engine download (the committed history is replayed into an in-memory PGlite).
// Review the SQL, then commit it with the schema change.
import { resolve } from 'node:path';

import { createMigration, DatabaseError } from '@herald/db';

const [libArg, name] = process.argv.slice(2);
if (!libArg || !name) {
  console.error('Usage: npx tsx tools/prisma/new-migration.ts <data-access-lib-dir> <verb_object>');
  process.exit(2);
}
const libDir = resolve(libArg);

try {
  const created = await createMigration({
    schemaPath: resolve(libDir, 'prisma/schema.prisma'),
    migrationsDir: resolve(libDir, 'prisma/migrations'),
    name,
  });
  if (created) {
    console.log(`Created ${created.path}/migration.sql\n\n${created.sql}`);
  } else {
    console.log('prisma/schema.prisma matches the committed migrations: nothing to do.');
  }
} catch (error) {
  console.error(error instanceof DatabaseError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
}
