import { describe, expect, it } from 'vitest';

import { bucketsOf, describePeriod, parsePeriod, periodKind, previousPeriod, samePeriodLastYear, weekdayHour } from './period.ts';

const iso = (d: Date) => d.toISOString();

describe('periods in a workspace zone', () => {
  it('reads calendar dates as midnight in the zone', () => {
    const p = parsePeriod('2026-03-01', '2026-04-01', 'Europe/Athens');
    // Athens is UTC+2 in winter and UTC+3 from 29 March 2026.
    expect(iso(p.from)).toBe('2026-02-28T22:00:00.000Z');
    expect(iso(p.to)).toBe('2026-03-31T21:00:00.000Z');
  });

  it('refuses a timestamp without an offset, naming the field', () => {
    expect(() => parsePeriod('2026-03-01T09:00:00', '2026-04-01')).toThrow(/from: .*no offset/);
    expect(() => parsePeriod('2026-02-30', '2026-04-01')).toThrow(/from: .*not a real date/);
    expect(() => parsePeriod('2026-03-01', '2026-04-01', 'Mars/Olympus')).toThrow(/timeZone/);
  });

  it('compares February with January, not with the 28 days before', () => {
    const feb = parsePeriod('2026-02-01', '2026-03-01');
    expect(periodKind(feb)).toBe('month');
    const prev = previousPeriod(feb);
    expect([iso(prev.from), iso(prev.to)]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it('takes a custom range against the same length right before it', () => {
    const p = parsePeriod('2026-02-10', '2026-02-20');
    expect(periodKind(p)).toBe('custom');
    expect(iso(previousPeriod(p).from)).toBe('2026-01-31T00:00:00.000Z');
  });

  it('knows ISO weeks and quarters, and the same period last year', () => {
    expect(periodKind(parsePeriod('2026-03-02', '2026-03-09'))).toBe('week'); // a Monday to a Monday
    const q = parsePeriod('2026-04-01', '2026-07-01');
    expect(periodKind(q)).toBe('quarter');
    expect(iso(previousPeriod(q).from)).toBe('2026-01-01T00:00:00.000Z');
    expect(iso(samePeriodLastYear(q).from)).toBe('2025-04-01T00:00:00.000Z');
  });

  it('cuts a daylight-saving week into seven local days, one of them 23 hours long', () => {
    // New York springs forward on Sunday 8 March 2026.
    const week = parsePeriod('2026-03-02', '2026-03-09', 'America/New_York');
    expect(periodKind(week, 'America/New_York')).toBe('week');
    const days = bucketsOf(week, 'day', 'America/New_York');
    expect(days.map((b) => b.start)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    const hours = days.map((b) => (b.to.getTime() - b.from.getTime()) / 3_600_000);
    expect(hours).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(days[0]?.from.getTime()).toBe(week.from.getTime());
    expect(days[6]?.to.getTime()).toBe(week.to.getTime());
  });

  it('clips weekly buckets to the period', () => {
    const buckets = bucketsOf(parsePeriod('2026-03-04', '2026-03-20'), 'week');
    expect(buckets.map((b) => b.start)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(iso(buckets[0]!.from)).toBe('2026-03-04T00:00:00.000Z');
  });

  it('gives the local weekday and hour, and the period in words', () => {
    expect(weekdayHour(new Date('2026-03-01T23:30:00Z'), 'Europe/Athens')).toEqual({ weekday: 1, hour: 1 }); // Monday 01:30 in Athens
    expect(describePeriod(parsePeriod('2026-02-01', '2026-03-01'))).toBe('February 2026');
    expect(describePeriod(parsePeriod('2026-01-01', '2026-04-01'))).toBe('Q1 2026');
    expect(describePeriod(parsePeriod('2026-02-04', '2026-03-01'))).toBe('4 – 28 Feb 2026');
  });
});
