import { describe, expect, it } from 'vitest';

import { createNumberFormatter } from './number-format.ts';

describe('createNumberFormatter', () => {
  const en = createNumberFormatter('en');
  const de = createNumberFormatter('de-DE');

  it('rounds integers and groups thousands by locale', () => {
    expect(en(1234567.6, 'integer')).toBe('1,234,568');
    expect(de(1234567.6, 'integer')).toBe('1.234.568');
  });

  it('reads percent values as ratios with one decimal at most', () => {
    expect(en(0.04625, 'percent')).toBe('4.6%');
    expect(en(1.5, 'percent')).toBe('150%');
  });

  it('keeps up to two decimals for decimal values', () => {
    expect(en(3.14159, 'decimal')).toBe('3.14');
    expect(de(2.5, 'decimal')).toBe('2,5');
  });

  it('shortens large numbers only on request', () => {
    expect(en(1_284_000, 'integer', { compact: true })).toBe('1.3M');
    expect(en(1_284_000, 'integer')).toBe('1,284,000');
  });

  it.each([
    [42, '42s'],
    [95, '1m 35s'],
    [2460, '41m'],
    // 3725 s = 1 h 2 min 5 s: seconds are dropped once hours are shown.
    [3725, '1h 2m'],
    [7200, '2h'],
    [-90, '-1m 30s'],
  ])('formats %d seconds as %s', (seconds, expected) => {
    expect(en(seconds, 'duration')).toBe(expected);
  });
});
