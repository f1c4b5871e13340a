import { describe, expect, it } from 'vitest';

import { variationOf } from './variation.ts';

describe('variationOf', () => {
  // Weekly engagements 100, 110, 95, 105, 100, 115, 90, 105, 100: changes +10, −15, +10, −5, +15, −25, +15, −5.
  // Mean 0; sample sd = √((100 + 225 + 100 + 25 + 225 + 625 + 225 + 25) / 7) = √(1550 / 7) = 14.88; 2 sd = 29.76.
  const history = [100, 110, 95, 105, 100, 115, 90, 105, 100];

  it('a change inside two standard deviations of the usual changes is noise', () => {
    const v = variationOf(25, history);
    expect(v.threshold).toBeCloseTo(2 * Math.sqrt(1550 / 7), 9);
    expect(v.notable).toBe(false);
  });

  it('a change beyond them is notable, either way', () => {
    expect(variationOf(31, history).notable).toBe(true);
    expect(variationOf(-31, history).notable).toBe(true);
  });

  it('too little history is not judged', () => {
    expect(variationOf(500, [100, 110, 95, 105])).toEqual({ notable: null, threshold: null });
    // Missing values break changes: 100, –, 95, –, 100 has none.
    expect(variationOf(500, [100, null, 95, null, 100, null, 90]).notable).toBeNull();
    expect(variationOf(null, history).notable).toBeNull();
  });
});
