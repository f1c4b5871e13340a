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

describe('the range of a period', () => {
  it.each([
    ['from=0000-01-01', '0000-01-01', '2026-01-01', /^from: "0000-01-01" is out of range: use a date from 1970-01-01 to 2100-01-01/],
    ['from before 1970', '1969-12-31', '2026-01-01', /^from: .*out of range/],
    ['to=9999-12-31 (its previous period would start in year −6060)', '1970-01-01', '9999-12-31', /^to: "9999-12-31" is out of range/],
    ['a timestamp past 2100', '2026-01-01', '2100-01-01T00:00:00.001Z', /^to: .*out of range/],
  ])('refuses %s, naming the field', (_name, from, to, message) => {
    expect(() => parsePeriod(from, to)).toThrowError(message);
  });

  it('takes the whole range, and its previous period stays in years the database reads', () => {
    const p = parsePeriod('1970-01-01', '2100-01-01');
    expect(previousPeriod(p).from.getUTCFullYear()).toBe(1840);
  });
});
