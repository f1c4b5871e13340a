import { checkTimeZone, DEFAULT_TIME_ZONE, parsePeriod, PeriodError, type Period } from '@herald/period';
import { AppError } from '@herald/service-kit';

/** The period and zone of a request, or a 400 naming the query field that is wrong. */
export function periodQuery(query: { from: string; to: string; timeZone?: string }): { period: Period; timeZone: string } {
  try {
    const timeZone = checkTimeZone(query.timeZone ?? DEFAULT_TIME_ZONE);
    return { period: parsePeriod(query.from, query.to, timeZone), timeZone };
  } catch (error) {
    if (error instanceof PeriodError) throw new AppError('PERIOD_INVALID', error.message, 400, [{ field: `query.${error.field}`, message: error.message }]);
    throw error;
  }
}

export const PERIOD_400 =
  'The period is invalid: from or to is not a date, has no offset, is out of range, or to is not after from; or timeZone is not an IANA zone (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)';
