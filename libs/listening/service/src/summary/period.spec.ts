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
    ['from=0000-01-01', '0000-01-01', '0000-02-01', 'query.from'],
    ['a period in year −6060', '-006060-01-01T00:00:00Z', '-006060-02-01T00:00:00Z', 'query.from'],
    ['to past 2100', '2099-12-01', '2100-01-02', 'query.to'],
  ])('refuses %s with a 400 naming the field and the range', (_name, from, to, field) => {
    const error = errorOf(from, to);
    expect(error).toMatchObject({ statusCode: 400, code: 'PERIOD_INVALID' });
    expect(error.details[0]).toEqual({ field, message: expect.stringMatching(/out of range: use a date from 1970-01-01 to 2100-01-01/) });
  });

  it('keeps the previous period of the earliest one in years the database reads', () => {
    expect(previousPeriod(parsePeriod('1970-01-01', '1971-01-01')).from.toISOString()).toBe('1969-01-01T00:00:00.000Z');
  });
});
