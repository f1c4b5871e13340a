import { DATE_RANGE } from '@herald/events';

export interface Period {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export class PeriodError extends Error {
  readonly code = 'PERIOD_INVALID';
  constructor(
    readonly field: 'from' | 'to',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PeriodError';
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instants a period may start and end at: the years events may carry (DATE_RANGE). Beyond
 * them nothing is stored, and the period before a wider one could fall in years the database
 * cannot read (from=1970-01-01&to=9999-12-31 puts it in year −6060).
 */
export const PERIOD_MIN = new Date(Date.UTC(DATE_RANGE.firstYear, 0, 1));
export const PERIOD_MAX = new Date(Date.UTC(DATE_RANGE.lastYear + 1, 0, 1));
const day = (d: Date) => d.toISOString().slice(0, 10);

/** A calendar date (taken as UTC midnight) or a full ISO timestamp. */
export function parseInstant(value: string, field: 'from' | 'to'): Date {
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new PeriodError(field, `"${value}" is not a date (use YYYY-MM-DD or an ISO timestamp)`);
  // Date() rolls 2026-02-30 over into March; a calendar date must round-trip to itself.
  if (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value) throw new PeriodError(field, `"${value}" is not a real date`);
  if (date < PERIOD_MIN || date > PERIOD_MAX)
    throw new PeriodError(field, `"${value}" is out of range: use a date from ${day(PERIOD_MIN)} to ${day(PERIOD_MAX)}`);
  return date;
}

export function parsePeriod(from: string, to: string): Period {
  const period = { from: parseInstant(from, 'from'), to: parseInstant(to, 'to') };
  if (period.to.getTime() <= period.from.getTime()) throw new PeriodError('to', `must be after from (${from})`);
  return period;
}

/** The period of the same length right before this one, for period-over-period comparisons. */
export function previousPeriod(period: Period): Period {
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: period.from };
}
