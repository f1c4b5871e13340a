import { bucketsOf, parsePeriod as parseCalendarPeriod, PeriodError, previousPeriod as previousCalendarPeriod, type Period } from '@herald/period';
import { AppError } from '@herald/service-kit';

export type { Period };

const DAY = 86_400_000;
/** A summary reads every mention of the period and the one before: a year at most. */
export const MAX_PERIOD_DAYS = 366;

// Listening counts mentions per UTC day, so its periods are read in UTC; the parsing, the range
// and the calendar rules (a timestamp needs an offset, February's previous period is January)
// are the shared period lib's, as in analytics.
const ZONE = 'UTC';

const invalid = (field: string, message: string) => new AppError('PERIOD_INVALID', message, 400, [{ field: `query.${field}`, message }]);

export function parsePeriod(from: string, to: string): Period {
  let period: Period;
  try {
    period = parseCalendarPeriod(from, to, ZONE);
  } catch (error) {
    if (error instanceof PeriodError) throw invalid(error.field, error.message);
    throw error;
  }
  if (period.to.getTime() - period.from.getTime() > MAX_PERIOD_DAYS * DAY) throw invalid('to', `to: the period may span ${MAX_PERIOD_DAYS} days at most`);
  return period;
}

/** The previous calendar period of the same kind (February → January; a custom range → the same length right before). */
export const previousPeriod = (period: Period): Period => previousCalendarPeriod(period, ZONE);

/** Every UTC day the period touches, as YYYY-MM-DD. */
export const daysOf = (period: Period): string[] => bucketsOf(period, 'day', ZONE).map((day) => day.start);
