import { describe, expect, it } from 'vitest';

import { parseCount, parseDurationSeconds } from './parse-count.ts';

const value = (raw: string, decimal?: '.' | ',') => {
  const r = parseCount(raw, decimal);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe('parseCount', () => {
  it('reads plain integers and X float-written counts', () => {
    expect(value('2633')).toBe(2633);
    expect(value(' 42 ')).toBe(42);
    expect(value('2633.0', '.')).toBe(2633);
    expect(value('0.0', '.')).toBe(0);
  });

  it('treats empty and dash cells as absent, not zero', () => {
    for (const raw of ['', '  ', '-', '--', '—', 'N/A', 'n/a']) expect(value(raw)).toBeUndefined();
  });

  it('strips thousands separators of the en, de, fr and ch notations', () => {
    expect(value('1,234')).toBe(1234);
    expect(value('1,234', '.')).toBe(1234);
    expect(value('1.234', ',')).toBe(1234);
    expect(value('1.234.567', ',')).toBe(1234567);
    expect(value('1 234')).toBe(1234);
    expect(value('1\u202f234')).toBe(1234);
    expect(value('1\u00a0234\u00a0567')).toBe(1234567);
    expect(value("1'234")).toBe(1234);
    expect(value('1,234.0', '.')).toBe(1234);
    expect(value('1.234,00', ',')).toBe(1234);
  });

  it('settles 1.234 by the file notation: a thousand in German, a fraction in English', () => {
    expect(value('1.234', ',')).toBe(1234);
    expect(value('1.234', '.')).toMatch(/not a whole number/);
    expect(value('1,234', ',')).toMatch(/not a whole number/);
    // With the notation unknown, a count cannot be fractional: the grouped reading wins.
    expect(value('1.234')).toBe(1234);
  });

  it('rejects negative, fractional, percentage, abbreviated and non-numeric cells with a reason', () => {
    expect(value('-5')).toMatch(/negative/);
    expect(value('−5')).toMatch(/negative/);
    expect(value('2.5', '.')).toMatch(/not a whole number/);
    expect(value('12,5')).toMatch(/not a whole number/);
    expect(value('12.5%')).toMatch(/percentage/);
    expect(value('1.2K')).toMatch(/abbreviated/);
    expect(value('lots')).toMatch(/not a number/);
    expect(value('1,23,4')).toMatch(/not a number/);
    expect(value('99999999999999999999')).toMatch(/too large/);
  });
});

describe('parseDurationSeconds', () => {
  it('reads seconds, fractional seconds (rounded) and clock durations', () => {
    const v = (raw: string, d?: '.' | ',') => {
      const r = parseDurationSeconds(raw, d);
      return r.ok ? r.value : r.reason;
    };
    expect(v('4521')).toBe(4521);
    expect(v('12.5', '.')).toBe(13);
    expect(v('12,4', ',')).toBe(12);
    expect(v('1:02:03')).toBe(3723);
    expect(v('0:12')).toBe(12);
    expect(v('1,234')).toBe(1234);
    expect(v('')).toBeUndefined();
    expect(v('1:75')).toMatch(/not a valid duration/);
  });
});
