import type { AnalyticsDb } from '@herald/analytics-data-access';
import { checkTimeZone, parsePeriod, PeriodError, type Period } from '@herald/period';
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
