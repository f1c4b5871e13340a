import { describe, expect, it } from 'vitest';

import { compileDatePattern, parseDate } from './parse-date.ts';

const parse = (raw: string, patterns: string[], zone = 'UTC') => {
  const r = parseDate(raw, patterns.map(compileDatePattern), zone);
  return r.ok ? r.value : r.reason;
};

describe('parseDate', () => {
  it('keeps the offset an X timestamp carries', () => {
    expect(parse('2017-01-31 22:13 +0000', ['YYYY-MM-DD HH:mm Z'])).toMatchObject({
      iso: '2017-01-31T22:13:00+00:00',
      instant: Date.UTC(2017, 0, 31, 22, 13),
      zone: 'UTC',
      hasTime: true,
    });
    expect(parse('2017-01-31 22:13 +0530', ['YYYY-MM-DD HH:mm Z'])).toMatchObject({
      iso: '2017-01-31T22:13:00+05:30',
      instant: Date.UTC(2017, 0, 31, 16, 43),
      zone: undefined,
    });
  });

  it('reads Meta dates in the zone given, keeping the wall time and its offset', () => {
    // New York is on daylight time (UTC-4) from 2025-03-09.
    expect(parse('03/27/2025 18:30', ['M/D/YYYY H:mm'], 'America/New_York')).toMatchObject({
      iso: '2025-03-27T18:30:00-04:00',
      instant: Date.UTC(2025, 2, 27, 22, 30),
      zone: 'America/New_York',
    });
    expect(parse('01/15/2025 9:05', ['M/D/YYYY H:mm'], 'Europe/Berlin')).toMatchObject({ iso: '2025-01-15T09:05:00+01:00' });
    expect(parse('27.03.2025 18:30', ['D.M.YYYY H:mm'], 'Europe/Berlin')).toMatchObject({ iso: '2025-03-27T18:30:00+01:00' });
  });

  it('moves a wall time inside a daylight-saving gap forward and picks the earlier of an overlap', () => {
    // 2025-03-30 02:30 does not exist in Berlin (clocks jump 02:00 → 03:00).
    expect(parse('2025-03-30 02:30', ['YYYY-MM-DD HH:mm'], 'Europe/Berlin')).toMatchObject({ iso: '2025-03-30T03:30:00+02:00' });
    // 2025-10-26 02:30 happens twice; the first time is still summer time.
    expect(parse('2025-10-26 02:30', ['YYYY-MM-DD HH:mm'], 'Europe/Berlin')).toMatchObject({ iso: '2025-10-26T02:30:00+02:00' });
  });

  it('reads day-only dates with weekday and month names, checking the weekday', () => {
    expect(parse('Tue, Jul 14, 2026', ['ddd, MMM D, YYYY'])).toMatchObject({ iso: '2026-07-14T00:00:00+00:00', hasTime: false, localDate: '2026-07-14' });
    expect(parse('Mon, Jul 14, 2026', ['ddd, MMM D, YYYY'])).toMatch(/2026-07-14 is a Tuesday, not a Monday/);
    expect(parse('Sep 3, 2025', ['MMM D, YYYY'])).toMatchObject({ localDate: '2025-09-03' });
  });

  it('reads ISO 8601 and 12-hour clocks', () => {
    expect(parse('2025-02-10T18:04:33.250Z', ['ISO'])).toMatchObject({ iso: '2025-02-10T18:04:33.250+00:00' });
    expect(parse('2025-02-10', ['ISO'], 'Asia/Tokyo')).toMatchObject({ iso: '2025-02-10T00:00:00+09:00', hasTime: false });
    expect(parse('2/10/2025 12:15 AM', ['M/D/YYYY h:mm A'])).toMatchObject({ iso: '2025-02-10T00:15:00+00:00' });
    expect(parse('2/10/2025 1:15 pm', ['M/D/YYYY h:mm A'])).toMatchObject({ iso: '2025-02-10T13:15:00+00:00' });
  });

  it('rejects impossible dates and says why', () => {
    expect(parse('2021-02-30 10:00 +0000', ['YYYY-MM-DD HH:mm Z'])).toMatch(/impossible date: 2021-02 has no day 30/);
    expect(parse('2021-13-01', ['ISO'])).toMatch(/month 13 does not exist/);
    expect(parse('2021-01-01 24:10 +0000', ['YYYY-MM-DD HH:mm Z'])).toMatch(/not a time of day/);
    expect(parse('1900-01-01', ['ISO'])).toMatch(/year 1900 is out of range/);
    expect(parse('13/45/2025 10:00', ['M/D/YYYY H:mm'])).toMatch(/impossible date/);
  });

  it('names the expected format when a cell does not match any', () => {
    expect(parse('yesterday', ['M/D/YYYY H:mm', 'ISO'])).toBe('"yesterday" is not a date in the expected format "M/D/YYYY H:mm" or "ISO"');
  });

  it('treats an empty cell as absent', () => {
    expect(parse('  ', ['ISO'])).toBeUndefined();
  });
});
