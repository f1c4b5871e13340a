import { describe, expect, it } from 'vitest';

import { assertSchemaName } from './schema-name.ts';

describe('assertSchemaName', () => {
  it.each(['analytics', 'public', '_x', 'db_test_m1abc_0f3e2a1b'])('accepts %s', (name) => {
    expect(assertSchemaName(name)).toBe(name);
  });

  it.each(['Analytics', '1st', 'a-b', 'a;drop', 'pg_catalog', '', 'x'.repeat(64)])('refuses %j', (name) => {
    expect(() => assertSchemaName(name)).toThrow(expect.objectContaining({ code: 'DB_INVALID_SCHEMA_NAME' }));
  });
});
