import { describe, expect, it } from 'vitest';

import { assertTestDatabase, dropTestSchema } from './test-database.ts';

describe('assertTestDatabase', () => {
  it.each(['test', 'herald_test', 'test_ci', 'analytics-tests'])('accepts a database named %s', (name) => {
    expect(() => assertTestDatabase(`postgresql://postgres@127.0.0.1:5432/${name}`)).not.toThrow();
  });

  it.each(['herald', 'postgres', 'contest', 'latest', ''])('refuses a database named %j', (name) => {
    expect(() => assertTestDatabase(`postgresql://postgres@127.0.0.1:5432/${name}`)).toThrow(expect.objectContaining({ code: 'DB_NOT_A_TEST_DATABASE' }));
  });
});

describe('dropTestSchema', () => {
  it('refuses a non-test database before connecting to it', async () => {
    // Port 1: had it tried to connect, the error would be a connection error instead.
    await expect(dropTestSchema({ url: 'postgresql://postgres@127.0.0.1:1/herald', schema: 'analytics' })).rejects.toMatchObject({
      code: 'DB_NOT_A_TEST_DATABASE',
    });
  });

  it('refuses to drop public', async () => {
    await expect(dropTestSchema({ url: 'postgresql://postgres@127.0.0.1:1/test', schema: 'public' })).rejects.toMatchObject({
      code: 'DB_INVALID_SCHEMA_NAME',
    });
  });
});
