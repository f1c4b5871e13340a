import { DateTime, IANAZone } from 'luxon';

import { DATE_RANGE } from '@herald/events';

/** A span of time: `from` inclusive, `to` exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

export type PeriodField = 'from' | 'to' | 'timeZone';

export class PeriodError extends Error {
  readonly code = 'PERIOD_INVALID';
  constructor(
    readonly field: PeriodField,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PeriodError';
  }
}

export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The instants a period may start and end at: the years events may carry (DATE_RANGE). Beyond
 * them nothing is stored, and the period before a wider one could fall in years the database
 * cannot read (from=1970-01-01&to=9999-12-31 puts it in year −6060).
 */
export const PERIOD_MIN = new Date(Date.UTC(DATE_RANGE.firstYear, 0, 1));
export const PERIOD_MAX = new Date(Date.UTC(DATE_RANGE.lastYear + 1, 0, 1));

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An instant must say which one it is: Z or a numeric offset. "2026-03-01T09:00" alone would be
// read in whatever zone the server runs in, so it is refused rather than guessed.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The zone, checked: an IANA name (Europe/Athens) or UTC. */
export function checkTimeZone(zone: string): string {
  if (zone === 'UTC' || IANAZone.isValidZone(zone)) return zone;
  throw new PeriodError('timeZone', `"${zone}" is not an IANA time zone (e.g. Europe/Athens, America/New_York, UTC)`);
}

const inZone = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A period boundary: a calendar date (its midnight in `zone`) or an ISO timestamp with an offset.
 * Checked against the range events may carry.
 */
export function parseBoundary(value: string, field: 'from' | 'to', zone: string = DEFAULT_TIME_ZONE): Date {
  let date: Date;
  if (DATE_ONLY.test(value)) {
    const local = DateTime.fromISO(value, { zone });
    // Luxon refuses 2026-02-30 instead of rolling it into March.
    if (!local.isValid) throw new PeriodError(field, `"${value}" is not a real date`);
    date = local.toJSDate();
  } else if (WITH_OFFSET.test(value)) {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (!instant.isValid) throw new PeriodError(field, `"${value}" is not a date (use YYYY-MM-DD or an ISO timestamp with an offset)`);
    date = instant.toJSDate();
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new PeriodError(field, `"${value}" has no offset: add Z or ±hh:mm, or give a calendar date (YYYY-MM-DD, read in ${zone})`);
  } else {
    throw new PeriodError(field, `"${value}" is not a date (use YYYY-MM-DD or an ISO timestamp with an offset)`);
  }
  if (date < PERIOD_MIN || date > PERIOD_MAX)
    throw new PeriodError(field, `"${value}" is out of range: use a date from ${day(PERIOD_MIN)} to ${day(PERIOD_MAX)}`);
  return date;
}

export function parsePeriod(from: string, to: string, zone: string = DEFAULT_TIME_ZONE): Period {
  checkTimeZone(zone);
  const period = { from: parseBoundary(from, 'from', zone), to: parseBoundary(to, 'to', zone) };
  if (period.to.getTime() <= period.from.getTime()) throw new PeriodError('to', `must be after from (${from})`);
  return period;
}

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type PeriodKind = CalendarUnit | 'custom';
const UNITS: readonly CalendarUnit[] = ['year', 'quarter', 'month', 'week', 'day'];

/** Luxon's weeks are ISO weeks (Monday first), which is what reports use. */
const startOf = (dt: DateTime, unit: CalendarUnit) => dt.startOf(unit);

/**
 * What kind of calendar period this is in the zone: exactly one year, quarter, month, ISO week or
 * day, else custom. Several days in a row are custom, not days.
 */
export function periodKind(period: Period, zone: string = DEFAULT_TIME_ZONE): PeriodKind {
  const from = inZone(period.from, zone);
  for (const unit of UNITS) {
    if (+startOf(from, unit) === +from && +from.plus({ [`${unit}s`]: 1 }) === period.to.getTime()) return unit;
  }
  return 'custom';
}

/**
 * The period a comparison is made against: the previous calendar period of the same kind
 * (February → January, Q2 → Q1, a week → the week before), or for a custom range the same length
 * right before it.
 */
export function previousPeriod(period: Period, zone: string = DEFAULT_TIME_ZONE): Period {
  const kind = periodKind(period, zone);
  if (kind === 'custom') return { from: new Date(2 * period.from.getTime() - period.to.getTime()), to: period.from };
  const from = inZone(period.from, zone).minus({ [`${kind}s`]: 1 });
  return { from: from.toJSDate(), to: period.from };
}

/** The same calendar span a year earlier (March 2026 → March 2025; 29 Feb → 28 Feb). */
export function samePeriodLastYear(period: Period, zone: string = DEFAULT_TIME_ZONE): Period {
  const kind = periodKind(period, zone);
  if (kind === 'week') {
    // ISO week n of the year before: the same weekday alignment, not the same dates.
    const from = inZone(period.from, zone);
    const last = DateTime.fromObject({ weekYear: from.weekYear - 1, weekNumber: Math.min(from.weekNumber, 52), weekday: 1 }, { zone });
    return { from: last.toJSDate(), to: last.plus({ weeks: 1 }).toJSDate() };
  }
  return { from: inZone(period.from, zone).minus({ years: 1 }).toJSDate(), to: inZone(period.to, zone).minus({ years: 1 }).toJSDate() };
}

/** The calendar period of a kind that holds an instant, in the zone. */
export function calendarPeriodContaining(instant: Date, unit: CalendarUnit, zone: string = DEFAULT_TIME_ZONE): Period {
  const from = startOf(inZone(instant, zone), unit);
  return { from: from.toJSDate(), to: from.plus({ [`${unit}s`]: 1 }).toJSDate() };
}

/** `count` calendar periods of the kind ending where `period` starts, oldest first. */
export function periodsBefore(period: Period, count: number, zone: string = DEFAULT_TIME_ZONE): Period[] {
  const out: Period[] = [];
  let current = period;
  for (let i = 0; i < count; i++) {
    current = previousPeriod(current, zone);
    out.unshift(current);
  }
  return out;
}

export type BucketInterval = 'day' | 'week' | 'month';

export interface Bucket extends Period {
  /** The local calendar date the bucket starts on, YYYY-MM-DD in the zone. */
  start: string;
}

/**
 * The period cut into calendar days, ISO weeks or months of the zone. A day is 23 or 25 hours
 * when the clocks change. The first and last buckets are clipped to the period, so the buckets
 * cover it exactly and their sums equal the period's totals.
 */
export function bucketsOf(period: Period, interval: BucketInterval, zone: string = DEFAULT_TIME_ZONE): Bucket[] {
  const buckets: Bucket[] = [];
  let start = startOf(inZone(period.from, zone), interval);
  while (start.toMillis() < period.to.getTime()) {
    const next = start.plus({ [`${interval}s`]: 1 });
    const from = new Date(Math.max(start.toMillis(), period.from.getTime()));
    const to = new Date(Math.min(next.toMillis(), period.to.getTime()));
    buckets.push({ start: start.toISODate() ?? '', from, to });
    start = next;
  }
  return buckets;
}

/** The local calendar date of an instant in the zone, YYYY-MM-DD. */
export const localDate = (instant: Date, zone: string = DEFAULT_TIME_ZONE): string => inZone(instant, zone).toISODate() ?? '';

/** ISO weekday (Monday = 1 … Sunday = 7) and hour (0–23) of an instant in the zone. */
export function weekdayHour(instant: Date, zone: string = DEFAULT_TIME_ZONE): { weekday: number; hour: number } {
  const dt = inZone(instant, zone);
  return { weekday: dt.weekday, hour: dt.hour };
}

/**
 * The period in words, as a report heading reads it: "March 2026", "Q1 2026", "Week 10, 2026
 * (2 – 8 Mar)", "2 Mar 2026", or "2 – 15 Mar 2026" for a custom range (`to` is exclusive, so the
 * last day shown is the day before it).
 */
export function describePeriod(period: Period, zone: string = DEFAULT_TIME_ZONE, locale = 'en-GB'): string {
  const from = inZone(period.from, zone).setLocale(locale);
  const last = inZone(new Date(period.to.getTime() - 1), zone).setLocale(locale);
  switch (periodKind(period, zone)) {
    case 'year':
      return String(from.year);
    case 'quarter':
      return `Q${from.quarter} ${from.year}`;
    case 'month':
      return from.toFormat('LLLL yyyy');
    case 'day':
      return from.toFormat('d LLL yyyy');
    case 'week':
      return `Week ${from.weekNumber}, ${from.weekYear} (${range(from, last)})`;
    default:
      return range(from, last);
  }
}

function range(from: DateTime, last: DateTime): string {
  if (from.hasSame(last, 'day')) return from.toFormat('d LLL yyyy');
  if (from.hasSame(last, 'month')) return `${from.toFormat('d')} – ${last.toFormat('d LLL yyyy')}`;
  if (from.hasSame(last, 'year')) return `${from.toFormat('d LLL')} – ${last.toFormat('d LLL yyyy')}`;
  return `${from.toFormat('d LLL yyyy')} – ${last.toFormat('d LLL yyyy')}`;
}
