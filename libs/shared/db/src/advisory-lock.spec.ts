import { describe, expect, it } from 'vitest';

import { migrationLockKey } from './advisory-lock.ts';

describe('migrationLockKey', () => {
  it('is the same for a schema on every call and every machine', () => {
    // Pinned: replicas of two releases must agree on the key during a rolling deploy.
    // sha256("analytics") begins 65f98121, read as a signed 32-bit integer.
    expect(migrationLockKey('analytics')).toEqual([0x48524c44, 0x65f98121]);
  });

  it('differs between schemas, so services migrate without waiting for each other', () => {
    expect(migrationLockKey('analytics')[1]).not.toBe(migrationLockKey('listening')[1]);
  });

  it("fits PostgreSQL's two int4 keys", () => {
    for (const schema of ['a', 'analytics', 'deck', 'ingestion']) {
      const [, key] = migrationLockKey(schema);
      expect(Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31).toBe(true);
    }
  });
});
