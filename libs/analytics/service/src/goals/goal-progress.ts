import type { AnalyticsDb, Goal } from '@herald/analytics-data-access';
import { goalPaceOf, goalShapeOf, weekdayWeightsOf, type GoalDay, type GoalPace, type MetricName } from '@herald/analytics-metrics';
import { bucketsOf, localDate, parseBoundary, weekdayHour, type Period } from '@herald/period';

import { loadSummaries, loadSummary, settlingCutoff } from '../reporting/summary.repository.ts';
import type { Scope } from '../reporting/reading-sql.ts';

/** The weekday rhythm is read from the 8 weeks before a goal starts. */
export const HISTORY_DAYS = 56;

export interface GoalProgress extends GoalPace {
  actual: number | null;
  paceModel: 'weekday' | 'linear';
}

const scopeOf = (goal: Goal): Scope => ({
  workspaceId: goal.workspaceId,
  timeZone: goal.timeZone,
  ...(goal.network == null ? {} : { network: goal.network }),
  ...(goal.campaign == null ? {} : { campaign: goal.campaign }),
});

/**
 * A goal's numbers as of `at`: the metric over the part of its period that has passed (read the
 * way GET /v1/analytics/summary reads that range, with no reading from after `at`), each day's
 * share of it passed, and the workspace's weekday rhythm before the goal began.
 */
export async function goalProgressOf(db: AnalyticsDb, goal: Goal, at: Date): Promise<GoalProgress> {
  const metric = goal.metric as MetricName;
  const period: Period = { from: goal.periodFrom, to: goal.periodTo };
  const scope = scopeOf(goal);
  const until = new Date(Math.min(Math.max(at.getTime(), period.from.getTime()), period.to.getTime()));
  const started = until > period.from;

  const readAsOf = new Date(Math.min(at.getTime(), settlingCutoff(until).getTime()));
  const [summary, weekdayWeights] = await Promise.all([
    started ? loadSummary(db, scope, { from: period.from, to: until }, { readAsOf }) : null,
    goalShapeOf(metric) === 'total' ? weekdayWeightsBefore(db, scope, metric, period.from, at) : null,
  ]);
  const actual = summary ? summary[metric] : goalShapeOf(metric) === 'total' ? 0 : null;
  const startValue = summary?.followersAtStart ?? null;

  const days: GoalDay[] = bucketsOf(period, 'day', goal.timeZone).map((day) => ({
    weekday: weekdayHour(day.from, goal.timeZone).weekday,
    elapsed: Math.min(1, Math.max(0, (at.getTime() - day.from.getTime()) / (day.to.getTime() - day.from.getTime()))),
  }));
  const pace = goalPaceOf({ metric, target: goal.target, actual, startValue, days, weekdayWeights });
  return { ...pace, actual, paceModel: pace.expectedWeekday == null ? 'linear' : 'weekday' };
}

async function weekdayWeightsBefore(db: AnalyticsDb, scope: Scope, metric: MetricName, start: Date, at: Date): Promise<number[] | null> {
  const history: Period = { from: parseBoundary(daysBefore(localDate(start, scope.timeZone), HISTORY_DAYS), 'from', scope.timeZone), to: start };
  const days = bucketsOf(history, 'day', scope.timeZone);
  // Read as the history stood at `at` too: a goal judged on a past day sees nothing from after it.
  const summaries = await loadSummaries(db, scope, days, { readAsOf: new Date(Math.min(at.getTime(), settlingCutoff(start).getTime())) });
  return weekdayWeightsOf(days.map((day, i) => ({ weekday: weekdayHour(day.from, scope.timeZone).weekday, value: summaries[i]![metric] })));
}

/** Calendar arithmetic on a local date: no zone is involved until parseBoundary reads the result. */
function daysBefore(date: string, count: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - count);
  return d.toISOString().slice(0, 10);
}
