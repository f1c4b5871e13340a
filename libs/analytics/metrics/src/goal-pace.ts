import { METRIC_DEFINITIONS, type MetricName } from './metric-definitions.ts';

export const GOAL_STATUSES = ['upcoming', 'ahead', 'on-track', 'behind', 'met', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * A goal either adds up over its period (engagements, posts, mentions, follower growth) or is a
 * level to be at by its end (followers, rates, sentiment, response time): the two pace differently.
 */
export type GoalShape = 'total' | 'level';

/** Within ±5 % of where the goal should be by now is on track. */
export const ON_TRACK_TOLERANCE = 0.05;

/** Response time goals are met by going under the target; every other metric by reaching it. */
export const lowerIsBetter = (metric: MetricName) => metric === 'medianResponseMinutes';

export function goalShapeOf(metric: MetricName): GoalShape {
  return METRIC_DEFINITIONS[metric].kind === 'count' && metric !== 'followers' ? 'total' : 'level';
}

export interface GoalDay {
  /** ISO weekday in the goal's zone, Monday = 1. */
  weekday: number;
  /** How much of the day has passed at the time of the reading: 1 before it, 0 after it, a fraction today. */
  elapsed: number;
}

export interface GoalPaceInput {
  metric: MetricName;
  target: number;
  /** The metric over the goal's period so far (for a level goal: its value now); null when missing. */
  actual: number | null;
  /** The metric at the period's start, for a level goal that grows toward its target (followers). */
  startValue: number | null;
  /** Every calendar day of the period in the zone, with how much of it has passed. */
  days: readonly GoalDay[];
  /**
   * The workspace's usual share of the metric per ISO weekday (index 1–7), from its own history.
   * Null when the history is too thin: the pace is then linear.
   */
  weekdayWeights: readonly number[] | null;
}

export interface GoalPace {
  shape: GoalShape;
  /** Share of the target reached: actual ÷ target (for a level goal that grows from a start: the share of the way). */
  progress: number | null;
  /** Where a steady pace would be by now. */
  expectedLinear: number | null;
  /** Where the workspace's usual weekday rhythm would be by now (null without enough history). */
  expectedWeekday: number | null;
  /** The expectation the status is judged by: weekday-aware when there is history, else linear. */
  expected: number | null;
  /** The period's end at the pace so far. */
  forecast: number | null;
  /** What is still needed per remaining day to reach the target (total goals not yet met). */
  neededPerDay: number | null;
  elapsedShare: number;
  status: GoalStatus;
  /** The rule behind the status, in words: reports quote it. */
  rule: string;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Progress, pace, forecast and status of one goal. Pure: the numbers come from the analytics
 * readers, the judgement is made here, once.
 */
export function goalPaceOf(input: GoalPaceInput): GoalPace {
  const shape = goalShapeOf(input.metric);
  const down = lowerIsBetter(input.metric);
  const totalDays = input.days.length;
  const elapsedDays = sum(input.days.map((d) => d.elapsed));
  const elapsedShare = totalDays ? elapsedDays / totalDays : 0;
  const weights = input.weekdayWeights;
  const weekdayShare = weights ? shareOf(input.days, weights) : null;
  const paceShare = weekdayShare ?? elapsedShare;
  const started = elapsedDays > 0;
  const ended = totalDays > 0 && elapsedDays >= totalDays;
  const { actual, target } = input;
  const meets = (value: number | null) => value != null && (down ? value <= target : value >= target);
  const tolerance = `within ±${ON_TRACK_TOLERANCE * 100} %`;
  const paceWords = weekdayShare == null ? 'a steady pace over the days of the period' : "the workspace's usual weekday rhythm (its 8 weeks before the goal)";

  let expectedLinear: number | null;
  let expectedWeekday: number | null;
  let forecast: number | null;
  let progress: number | null;
  let neededPerDay: number | null = null;
  let rule: string;

  if (shape === 'total') {
    expectedLinear = target * elapsedShare;
    expectedWeekday = weekdayShare == null ? null : target * weekdayShare;
    forecast = actual != null && paceShare > 0 ? actual / paceShare : null;
    progress = actual != null && target ? actual / target : null;
    const remainingDays = totalDays - elapsedDays;
    if (actual != null && !meets(actual) && remainingDays > 0) neededPerDay = (target - actual) / remainingDays;
    rule = `Met once the total reaches the target; otherwise ahead, on track or behind as the total so far compares with ${paceWords} (${tolerance} is on track); missed if the period ends short.`;
  } else if (input.startValue != null && !down && input.metric === 'followers') {
    // A follower count grows from where it stood at the start toward the target.
    const start = input.startValue;
    expectedLinear = start + (target - start) * elapsedShare;
    expectedWeekday = null;
    forecast = actual != null && elapsedShare > 0 ? start + (actual - start) / elapsedShare : null;
    progress = actual != null && target !== start ? (actual - start) / (target - start) : null;
    rule = `Met once the count reaches the target; otherwise ahead, on track or behind as the count compares with a steady climb from ${start} at the start (${tolerance} is on track); missed if the period ends short.`;
  } else {
    // A rate, score or duration is a level to hold: it is judged against the target itself.
    expectedLinear = target;
    expectedWeekday = null;
    forecast = actual;
    progress = actual != null && target ? actual / target : null;
    rule = `A level to hold: ahead, on track or behind as the value so far compares with the target (${tolerance} is on track; ${down ? 'lower' : 'higher'} is better); met or missed as it stands when the period ends.`;
  }
  const expected = shape === 'total' ? (expectedWeekday ?? expectedLinear) : expectedLinear;

  let status: GoalStatus;
  if (!started) status = 'upcoming';
  else if (meets(actual) && (ended || goalReachedEarlyCounts(shape, input.metric))) status = 'met';
  else if (ended) status = 'missed';
  else status = judge(actual, expected, down);

  return { shape, progress, expectedLinear, expectedWeekday, expected, forecast, neededPerDay, elapsedShare, status, rule };
}

/** A total or a follower count that has reached its target stays there; a rate can still fall back. */
const goalReachedEarlyCounts = (shape: GoalShape, metric: MetricName) => shape === 'total' || metric === 'followers';

function judge(actual: number | null, expected: number | null, down: boolean): GoalStatus {
  if (actual == null || expected == null) return 'behind';
  if (expected === 0) return actual > 0 && !down ? 'ahead' : 'on-track';
  const ratio = down ? expected / actual : actual / expected;
  if (ratio >= 1 + ON_TRACK_TOLERANCE) return 'ahead';
  if (ratio >= 1 - ON_TRACK_TOLERANCE) return 'on-track';
  return 'behind';
}

/** The share of the period's usual volume that falls on the days passed so far. */
function shareOf(days: readonly GoalDay[], weights: readonly number[]): number | null {
  const whole = sum(days.map((d) => weights[d.weekday] ?? 0));
  if (whole <= 0) return null;
  return sum(days.map((d) => (weights[d.weekday] ?? 0) * d.elapsed)) / whole;
}

/** The weekday rhythm needs at least 4 weeks from the first day with activity, and 8 active days. */
export const MIN_HISTORY_DAYS = 28;
export const MIN_ACTIVE_DAYS = 8;

/**
 * Weekday weights from a history of daily values, oldest first: the mean per ISO weekday, index 1–7,
 * counted from the first day with activity (days before it are before the workspace began, not
 * zeros). Too short or too sparse a history gives null: the pace is then linear.
 */
export function weekdayWeightsOf(history: readonly { weekday: number; value: number | null }[]): number[] | null {
  const first = history.findIndex((d) => (d.value ?? 0) > 0);
  if (first < 0) return null;
  const days = history.slice(first);
  if (days.length < MIN_HISTORY_DAYS || days.filter((d) => (d.value ?? 0) > 0).length < MIN_ACTIVE_DAYS) return null;
  const totals = Array.from({ length: 8 }, () => 0);
  const counts = Array.from({ length: 8 }, () => 0);
  for (const { weekday, value } of days) {
    totals[weekday]! += value ?? 0;
    counts[weekday]! += 1;
  }
  return totals.map((t, i) => (counts[i] ? t / counts[i]! : 0));
}
