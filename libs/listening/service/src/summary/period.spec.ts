import { describe, expect, it } from 'vitest';

import { parsePeriod, previousPeriod } from './period.ts';

const errorOf = (from: string, to: string) => {
  try {
    parsePeriod(from, to);
  } catch (error) {
    return error as { statusCode: number; code: string; details: { field: string; message: string }[] };
  }
  throw new Error('expected a refusal');
};

describe('the listening summary period', () => {
  it.each([
    ['from=0000-01-01', '0000-01-01', '0000-02-01', 'query.from', /out of range: use a date from 1970-01-01 to 2100-01-01/],
    ['a period in year −6060', '-006060-01-01T00:00:00Z', '-006060-02-01T00:00:00Z', 'query.from', /is not a date/],
    ['to past 2100', '2099-12-01', '2100-01-02', 'query.to', /out of range: use a date from 1970-01-01 to 2100-01-01/],
  ])('refuses %s with a 400 naming the field', (_name, from, to, field, message) => {
    const error = errorOf(from, to);
    expect(error).toMatchObject({ statusCode: 400, code: 'PERIOD_INVALID' });
    expect(error.details[0]).toEqual({ field, message: expect.stringMatching(message) });
  });

  it('keeps the previous period of the earliest one in years the database reads', () => {
    expect(previousPeriod(parsePeriod('1970-01-01', '1971-01-01')).from.toISOString()).toBe('1969-01-01T00:00:00.000Z');
  });
});

describe('the listening period follows the shared calendar rules', () => {
  it('compares February with January, not with the 28 days before it', () => {
    const previous = previousPeriod(parsePeriod('2026-02-01', '2026-03-01'));
    expect([previous.from.toISOString(), previous.to.toISOString()]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it('refuses a timestamp without an offset instead of reading it in the server zone', () => {
    const error = errorOf('2026-02-01T00:00:00', '2026-03-01');
    expect(error).toMatchObject({ statusCode: 400, code: 'PERIOD_INVALID' });
    expect(error.details[0]!.field).toBe('query.from');
  });
});
