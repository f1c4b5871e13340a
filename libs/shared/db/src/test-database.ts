import pg from 'pg';

import { DatabaseError } from './errors.ts';
import { parsePostgresUrl } from './postgres-url.ts';
import { assertSchemaName, quoteIdent } from './schema-name.ts';

/** `test`, `herald_test`, `test_ci`, `analytics-tests`: the word "test" as its own part of the name. */
const TEST_DATABASE_NAME = /(^|[_-])tests?($|[_-])/i;

/**
 * Throws unless `url` names a database that is obviously a test one. Destructive helpers call it
 * first, so a test run pointed at a real database by a stray environment variable cannot wipe it.
 */
export function assertTestDatabase(url: string): void {
  const { database } = parsePostgresUrl(url);
  if (!TEST_DATABASE_NAME.test(database)) {
    throw new DatabaseError(
      'DB_NOT_A_TEST_DATABASE',
      `Refusing a destructive test operation on database "${database || '(default)'}": its name must contain "test" as a word (e.g. test, herald_test)`,
    );
  }
}

/** Drops a schema created for one test run, with everything in it. Only on a test database. */
export async function dropTestSchema(options: { url: string; schema: string }): Promise<void> {
  assertTestDatabase(options.url);
  const schema = assertSchemaName(options.schema);
  if (schema === 'public') {
    throw new DatabaseError('DB_INVALID_SCHEMA_NAME', 'Refusing to drop the public schema; drop per-run schemas only');
  }
  const client = new pg.Client({ connectionString: parsePostgresUrl(options.url).connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
