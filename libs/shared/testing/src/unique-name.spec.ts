import { describe, expect, it } from 'vitest';

import { uniqueName } from './unique-name.ts';

describe('uniqueName', () => {
  it('keeps the prefix and only uses characters valid in schema names and Kafka topics', () => {
    const name = uniqueName('Analytics-Test.run');
    expect(name).toMatch(/^analytics_test_run_[a-z0-9]+_[0-9a-f]{8}$/);
  });

  it('returns a different name on every call', () => {
    const names = new Set(Array.from({ length: 100 }, () => uniqueName('t')));
    expect(names.size).toBe(100);
  });

  it('never exceeds 63 characters, the PostgreSQL identifier limit', () => {
    expect(uniqueName('x'.repeat(200)).length).toBeLessThanOrEqual(63);
  });

  it('starts with a letter even when the prefix starts with a digit', () => {
    expect(uniqueName('42')).toMatch(/^t_42_/);
  });
});
