import { describe, expect, it } from 'vitest';

import { parsePeriod, previousPeriod } from './period.ts';

describe('parsePeriod', () => {
  it('reads calendar dates as UTC midnight', () => {
    const p = parsePeriod('2026-11-01', '2026-12-01');
    expect(p.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('names the field of an impossible date', () => {
    expect(() => parsePeriod('2026-02-30', '2026-03-01')).toThrowError(/^from: "2026-02-30" is not a real date/);
  });

  it('refuses an empty or reversed period', () => {
    expect(() => parsePeriod('2026-11-02', '2026-11-01')).toThrowError(/^to: must be after from/);
  });

  it('gives the previous period of equal length', () => {
    const prev = previousPeriod(parsePeriod('2026-11-08', '2026-11-15'));
    expect(prev.from.toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(prev.to.toISOString().slice(0, 10)).toBe('2026-11-08');
  });
});
