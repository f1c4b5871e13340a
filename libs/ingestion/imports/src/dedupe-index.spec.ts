import { describe, expect, it } from 'vitest';

import { DedupeIndex } from './dedupe-index.ts';

describe('DedupeIndex', () => {
  it('returns the first row that claimed a key, across growth of the table', () => {
    const index = new DedupeIndex(16);
    for (let row = 2; row < 50_002; row++) expect(index.claim(`id-${row}`, row)).toBeUndefined();
    expect(index.count).toBe(50_000);
    expect(index.claim('id-2', 60_000)).toBe(2);
    expect(index.claim('id-50001', 60_001)).toBe(50_001);
    expect(index.claim('id-50002', 60_002)).toBeUndefined();
  });
});
