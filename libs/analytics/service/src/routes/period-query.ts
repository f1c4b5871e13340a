import type { AnalyticsDb } from '@herald/analytics-data-access';
import { checkTimeZone, describePeriod, parsePeriod, PeriodError, previousPeriod, samePeriodLastYear, type Period } from '@herald/period';
import { AppError } from '@herald/service-kit';

import { loadWorkspaceSettings } from '../reporting/workspace-settings.repository.ts';

/** A PeriodError as the 400 that names the query field. */
export function periodFailure(error: unknown, prefix = 'query'): never {
  if (error instanceof PeriodError) throw new AppError('PERIOD_INVALID', error.message, 400, [{ field: `${prefix}.${error.field}`, message: error.message }]);
  throw error;
}

/** The zone a request reads its dates in: its own timeZone, else the workspace's. */
export async function zoneOf(db: AnalyticsDb, workspaceId: string, timeZone: string | undefined, prefix = 'query'): Promise<string> {
  try {
    return checkTimeZone(timeZone ?? (await loadWorkspaceSettings(db, workspaceId)).timeZone);
  } catch (error) {
    return periodFailure(error, prefix);
  }
}

/** The period and zone of a request, or a 400 naming the query field that is wrong. */
export async function periodQuery(
  db: AnalyticsDb,
  workspaceId: string,
  query: { from: string; to: string; timeZone?: string },
): Promise<{ period: Period; timeZone: string }> {
  const timeZone = await zoneOf(db, workspaceId, query.timeZone);
  try {
    return { period: parsePeriod(query.from, query.to, timeZone), timeZone };
  } catch (error) {
    return periodFailure(error);
  }
}

export const PERIOD_400 =
  'The period is invalid: from or to is not a date, has no offset, is out of range, or to is not after from; or timeZone is not an IANA zone (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)';

export type Against = 'previous' | 'year' | 'custom';

export interface ComparisonQuery {
  compare?: 'previous' | 'year' | 'none';
  againstFrom?: string;
  againstTo?: string;
}

/**
 * The period a request compares against: againstFrom/againstTo when given (any range: a launch
 * week against the week before it, a quarter against the same quarter last year), else the
 * previous calendar period or the same one last year; null for compare=none.
 */
export function againstOf(query: ComparisonQuery, period: Period, timeZone: string): { against: Against; period: Period; label: string } | null {
  if (query.againstFrom !== undefined || query.againstTo !== undefined) {
    if (query.againstFrom === undefined || query.againstTo === undefined) {
      const field = query.againstFrom === undefined ? 'againstFrom' : 'againstTo';
      const message = `${field}: againstFrom and againstTo go together`;
      throw new AppError('PERIOD_INVALID', message, 400, [{ field: `query.${field}`, message }]);
    }
    let other: Period;
    try {
      other = parsePeriod(query.againstFrom, query.againstTo, timeZone);
    } catch (error) {
      if (error instanceof PeriodError && error.field !== 'timeZone') {
        const field = error.field === 'from' ? 'againstFrom' : 'againstTo';
        const message = error.message.replace(/^(from|to): /, `${field}: `);
        throw new AppError('PERIOD_INVALID', message, 400, [{ field: `query.${field}`, message }]);
      }
      throw error;
    }
    return { against: 'custom', period: other, label: describePeriod(other, timeZone) };
  }
  const compare = query.compare ?? 'previous';
  if (compare === 'none') return null;
  const other = compare === 'year' ? samePeriodLastYear(period, timeZone) : previousPeriod(period, timeZone);
  return { against: compare, period: other, label: describePeriod(other, timeZone) };
}
