import { DATE_RANGE } from '@herald/events';
import { AppError } from '@herald/service-kit';

export interface Period {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;
/**
 * The instants a period may start and end at: the years events may carry (DATE_RANGE); the
 * database cannot read dates far outside them (year 0, −6060), and nothing is stored there.
 */
export const PERIOD_MIN = new Date(Date.UTC(DATE_RANGE.firstYear, 0, 1));
export const PERIOD_MAX = new Date(Date.UTC(DATE_RANGE.lastYear + 1, 0, 1));
/** A summary reads every mention of the period and the one before: a year at most. */
export const MAX_PERIOD_DAYS = 366;

const invalid = (field: 'from' | 'to', message: string) => new AppError('PERIOD_INVALID', `${field}: ${message}`, 400, [{ field: `query.${field}`, message }]);

function parseInstant(value: string, field: 'from' | 'to'): Date {
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(date.getTime())) throw invalid(field, `"${value}" is not a date (use YYYY-MM-DD or an ISO timestamp)`);
  // Date() rolls 2026-02-30 over into March; a calendar date must round-trip to itself.
  if (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value) throw invalid(field, `"${value}" is not a real date`);
  if (date < PERIOD_MIN || date > PERIOD_MAX) {
    throw invalid(field, `"${value}" is out of range: use a date from ${PERIOD_MIN.toISOString().slice(0, 10)} to ${PERIOD_MAX.toISOString().slice(0, 10)}`);
  }
  return date;
}

export function parsePeriod(from: string, to: string): Period {
  const period = { from: parseInstant(from, 'from'), to: parseInstant(to, 'to') };
  if (period.to.getTime() <= period.from.getTime()) throw invalid('to', `must be after from (${from})`);
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY) throw invalid('to', `the period may span ${MAX_PERIOD_DAYS} days at most`);
  return period;
}

/** The period of the same length right before this one. */
export function previousPeriod(period: Period): Period {
  return { from: new Date(2 * period.from.getTime() - period.to.getTime()), to: period.from };
}

/** Every UTC day the period touches, as YYYY-MM-DD. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let t = Math.floor(period.from.getTime() / DAY) * DAY; t < period.to.getTime(); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}
