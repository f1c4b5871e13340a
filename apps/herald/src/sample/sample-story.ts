export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Days of history the sample covers, ending at `now`. */
export const HISTORY_DAYS = 120;

const OUTAGE_START_MINUTES = 13 * 60 + 40; // 13:40 UTC, mid-morning in New York
const OUTAGE_MINUTES = 190;

/** Where the story's events fall, as whole days before the UTC day of `now`. */
export interface StoryPlan {
  /** 00:00 UTC of the day `now` falls on. */
  todayMs: number;
  launchDaysAgo: number;
  webinarDaysAgo: readonly number[];
  outageDaysAgo: number;
  outageStartMs: number;
  outageEndMs: number;
  /** The outage day and three days either side, when scheduled posts were paused. */
  isWeakDay(daysAgo: number): boolean;
}

/** The story of the sample, in dates: what the deck and the analytics should find in it. */
export interface SampleStory {
  historyStart: Date;
  /** 00:00 UTC of the day Lumen 3.0 launched. */
  launchDay: Date;
  /** 00:00 UTC of each "Plan Better" webinar day. */
  webinarDays: readonly Date[];
  outageStart: Date;
  outageEnd: Date;
  /** The week around the outage, when posting paused and engagement sagged; `to` is exclusive. */
  weakWeek: { from: Date; to: Date };
}

const weekdayOf = (todayMs: number, daysAgo: number) => new Date(todayMs - daysAgo * DAY_MS).getUTCDay();

/** The day nearest to `target` days ago (at most 3 days off) whose weekday is accepted. */
function nearestWeekday(todayMs: number, target: number, accept: (weekday: number) => boolean): number {
  for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
    if (accept(weekdayOf(todayMs, target + shift))) return target + shift;
  }
  return target;
}

/** Launches happen on Tuesdays and webinars on Thursdays, so the days move a little with `now`. */
export function planStory(now: Date): StoryPlan {
  const todayMs = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const launchDaysAgo = nearestWeekday(todayMs, 26, (d) => d === 2); // 23–29 days ago: inside the last 30 days
  const webinarDaysAgo = [103, 75, 47, 17].map((target) => nearestWeekday(todayMs, target, (d) => d === 4));
  const outageDaysAgo = nearestWeekday(todayMs, 10, (d) => d >= 1 && d <= 5);
  const outageStartMs = todayMs - outageDaysAgo * DAY_MS + OUTAGE_START_MINUTES * MINUTE_MS;
  return {
    todayMs,
    launchDaysAgo,
    webinarDaysAgo,
    outageDaysAgo,
    outageStartMs,
    outageEndMs: outageStartMs + OUTAGE_MINUTES * MINUTE_MS,
    isWeakDay: (daysAgo) => Math.abs(daysAgo - outageDaysAgo) <= 3,
  };
}

export function describeSampleStory(now: Date): SampleStory {
  const plan = planStory(now);
  const day = (daysAgo: number) => new Date(plan.todayMs - daysAgo * DAY_MS);
  return {
    historyStart: day(HISTORY_DAYS - 1),
    launchDay: day(plan.launchDaysAgo),
    webinarDays: plan.webinarDaysAgo.map(day),
    outageStart: new Date(plan.outageStartMs),
    outageEnd: new Date(plan.outageEndMs),
    weakWeek: { from: day(plan.outageDaysAgo + 3), to: day(plan.outageDaysAgo - 4) },
  };
}
