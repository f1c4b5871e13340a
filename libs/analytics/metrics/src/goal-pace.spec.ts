import { describe, expect, it } from 'vitest';

import { goalPaceOf, weekdayWeightsOf, type GoalDay } from './goal-pace.ts';

/** March 2026 starts on a Sunday (ISO weekday 7) and has 31 days. */
const march = (elapsedDays: number, partial = 0): GoalDay[] =>
  Array.from({ length: 31 }, (_, i) => ({ weekday: ((6 + i) % 7) + 1, elapsed: i < elapsedDays ? 1 : i === elapsedDays ? partial : 0 }));

/** Weekdays carry the volume, weekends none. */
const workweek = [0, 1, 1, 1, 1, 1, 0, 0];

describe('goalPaceOf', () => {
  it('a total goal: linear expectation, run-rate forecast and what is still needed per day', () => {
    // 50,000 engagements in March; 10 of 31 days gone, 18,000 so far.
    const pace = goalPaceOf({ metric: 'engagements', target: 50_000, actual: 18_000, startValue: null, days: march(10), weekdayWeights: null });
    expect(pace.shape).toBe('total');
    expect(pace.expectedLinear).toBeCloseTo((50_000 * 10) / 31, 6); // 16,129.03
    expect(pace.expected).toBe(pace.expectedLinear);
    expect(pace.forecast).toBeCloseTo(18_000 / (10 / 31), 6); // 55,800
    expect(pace.neededPerDay).toBeCloseTo((50_000 - 18_000) / 21, 6); // 1,523.81
    expect(pace.progress).toBeCloseTo(0.36, 9);
    // 18,000 ÷ 16,129 = 1.116: more than 5 % ahead.
    expect(pace.status).toBe('ahead');
  });

  it('weekday-aware: a Monday-to-Friday rhythm expects less after a weekend than a steady pace does', () => {
    // Days 1–10 of March hold 7 of its 22 weekdays: 7/22 of the target is expected.
    const pace = goalPaceOf({ metric: 'engagements', target: 50_000, actual: 15_500, startValue: null, days: march(10), weekdayWeights: workweek });
    expect(pace.expectedWeekday).toBeCloseTo((50_000 * 7) / 22, 6); // 15,909.09
    expect(pace.expected).toBe(pace.expectedWeekday);
    expect(pace.forecast).toBeCloseTo(15_500 / (7 / 22), 6); // 48,714.29
    // 15,500 ÷ 15,909 = 0.974: within 5 %.
    expect(pace.status).toBe('on-track');
  });

  it('a weekend-heavy rhythm expects more after the first weekend', () => {
    // Weekends weigh 3, weekdays 1. 1–7 March (Sun, Mon–Fri, Sat) holds 3 + 5 + 3 = 11 of the month's
    // 22 × 1 + 9 × 3 = 49 weights.
    const weekendHeavy = [0, 1, 1, 1, 1, 1, 3, 3];
    const pace = goalPaceOf({ metric: 'engagements', target: 50_000, actual: 10_500, startValue: null, days: march(7), weekdayWeights: weekendHeavy });
    expect(pace.expectedWeekday).toBeCloseTo((50_000 * 11) / 49, 6); // 11,224.49
    expect(pace.expectedLinear).toBeCloseTo((50_000 * 7) / 31, 6); // 11,290.32
    // 10,500 ÷ 11,224 = 0.935: behind either way.
    expect(pace.status).toBe('behind');
  });

  it('a partial day counts for the share of it that has passed', () => {
    const pace = goalPaceOf({ metric: 'posts', target: 31, actual: 10, startValue: null, days: march(10, 0.5), weekdayWeights: null });
    expect(pace.elapsedShare).toBeCloseTo(10.5 / 31, 9);
    expect(pace.expected).toBeCloseTo(10.5, 9);
    // 10 ÷ 10.5 = 0.952: on track, just.
    expect(pace.status).toBe('on-track');
  });

  it('met as soon as a total reaches its target; missed when the period ends short', () => {
    expect(goalPaceOf({ metric: 'engagements', target: 100, actual: 100, startValue: null, days: march(3), weekdayWeights: null }).status).toBe('met');
    const missed = goalPaceOf({ metric: 'engagements', target: 100, actual: 99, startValue: null, days: march(31), weekdayWeights: null });
    expect(missed.status).toBe('missed');
    expect(missed.neededPerDay).toBeNull();
  });

  it('upcoming before the first day; no forecast from nothing', () => {
    const pace = goalPaceOf({ metric: 'engagements', target: 100, actual: 0, startValue: null, days: march(0), weekdayWeights: null });
    expect(pace.status).toBe('upcoming');
    expect(pace.forecast).toBeNull();
  });

  it('followers climb from where they stood at the start', () => {
    // 9,000 on 1 March, 10,000 wanted by its end; 15.5 of 31 days gone and 9,400 now.
    const pace = goalPaceOf({ metric: 'followers', target: 10_000, actual: 9_400, startValue: 9_000, days: march(15, 0.5), weekdayWeights: null });
    expect(pace.shape).toBe('level');
    expect(pace.expectedLinear).toBeCloseTo(9_500, 9); // halfway: 9,000 + 1,000 × 0.5
    expect(pace.forecast).toBeCloseTo(9_800, 9); // 9,000 + 400 ÷ 0.5
    expect(pace.progress).toBeCloseTo(0.4, 9);
    // 9,400 ÷ 9,500 = 0.989: on track.
    expect(pace.status).toBe('on-track');
  });

  it('a rate is a level to hold: above the target mid-period is ahead, not met; met when the period ends there', () => {
    const mid = goalPaceOf({ metric: 'engagementRate', target: 0.05, actual: 0.06, startValue: null, days: march(10), weekdayWeights: null });
    expect(mid.status).toBe('ahead');
    expect(mid.forecast).toBe(0.06);
    const end = goalPaceOf({ metric: 'engagementRate', target: 0.05, actual: 0.0499, startValue: null, days: march(31), weekdayWeights: null });
    expect(end.status).toBe('missed');
  });

  it('response time: lower is better', () => {
    // Target 60 minutes; 50 now is 20 % better: ahead. 70 is 14 % worse: behind.
    expect(goalPaceOf({ metric: 'medianResponseMinutes', target: 60, actual: 50, startValue: null, days: march(10), weekdayWeights: null }).status).toBe(
      'ahead',
    );
    expect(goalPaceOf({ metric: 'medianResponseMinutes', target: 60, actual: 70, startValue: null, days: march(10), weekdayWeights: null }).status).toBe(
      'behind',
    );
    expect(goalPaceOf({ metric: 'medianResponseMinutes', target: 60, actual: 55, startValue: null, days: march(31), weekdayWeights: null }).status).toBe('met');
  });

  it('missing data is behind, never on track', () => {
    expect(goalPaceOf({ metric: 'netSentiment', target: 0.2, actual: null, startValue: null, days: march(10), weekdayWeights: null }).status).toBe('behind');
  });
});

describe('weekdayWeightsOf', () => {
  it('the mean per weekday over the history', () => {
    // Four weeks; Mondays 10, 20, 30, 40 (mean 25), every other day 5.
    const history = Array.from({ length: 28 }, (_, i) => {
      const weekday = (i % 7) + 1;
      return { weekday, value: weekday === 1 ? 10 * (Math.floor(i / 7) + 1) : 5 };
    });
    expect(weekdayWeightsOf(history)).toEqual([0, 25, 5, 5, 5, 5, 5, 5]);
  });

  it('too short, too sparse or empty a history gives no weights (linear pace)', () => {
    expect(weekdayWeightsOf(Array.from({ length: 27 }, (_, i) => ({ weekday: (i % 7) + 1, value: 1 })))).toBeNull();
    expect(weekdayWeightsOf(Array.from({ length: 56 }, (_, i) => ({ weekday: (i % 7) + 1, value: null })))).toBeNull();
    // One Tuesday post in 8 weeks would put the whole rhythm on Tuesdays: 1 active day of the 8 needed.
    expect(weekdayWeightsOf(Array.from({ length: 56 }, (_, i) => ({ weekday: (i % 7) + 1, value: i === 8 ? 50 : 0 })))).toBeNull();
    // Activity only in the last 3 weeks: the days before are before the workspace began, 21 < 28.
    expect(weekdayWeightsOf(Array.from({ length: 56 }, (_, i) => ({ weekday: (i % 7) + 1, value: i >= 35 ? 5 : 0 })))).toBeNull();
  });
});
