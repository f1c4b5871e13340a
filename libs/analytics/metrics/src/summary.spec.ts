import { describe, expect, it } from 'vitest';

import { changeOf } from './change.ts';
import { emptyTotals, summaryFromTotals } from './summary.ts';

describe('ratios and changes, each defined once', () => {
  it('leaves a rate without its denominator and sentiment without scored mentions null, not 0', () => {
    const s = summaryFromTotals({ ...emptyTotals(), posts: 2, engagements: 10, mentions: 3, scoredMentions: 0 });
    expect(s).toMatchObject({
      engagementRate: null,
      engagementRateByReach: null,
      engagementRateByFollowers: null,
      netSentiment: null,
      averageSentiment: null,
      responseRate: null,
    });
  });

  it('takes net sentiment as share positive minus share negative of the scored mentions', () => {
    // 6 positive, 1 neutral, 3 negative of 10 scored: 0.6 − 0.3 = 0.3
    const s = summaryFromTotals({ ...emptyTotals(), mentions: 12, scoredMentions: 10, positiveMentions: 6, neutralMentions: 1, negativeMentions: 3 });
    expect(s.netSentiment).toBeCloseTo(0.3, 12);
  });

  it('grows followers from the count before the period to the count at its end', () => {
    const s = summaryFromTotals({ ...emptyTotals(), engagements: 50 }, { followersAtStart: 1000, followers: 1100 });
    expect(s).toMatchObject({ followerGrowth: 100, followerGrowthRate: 0.1, engagementRateByFollowers: 50 / 1100 });
  });

  it('changes a rate in points and a count in percent', () => {
    // 5.0 % → 5.2 %: +0.2 pp (a relative +4 % would mislead)
    const rate = changeOf('engagementRate', 0.052, 0.05);
    expect(rate).toMatchObject({ relative: null, unit: 'pp' });
    expect(rate.points).toBeCloseTo(0.2, 12);
    expect(changeOf('impressions', 1500, 1000)).toMatchObject({ absolute: 500, relative: 0.5, points: null, unit: 'percent' });
    expect(changeOf('netSentiment', 0.1, -0.2).unit).toBe('pts');
    expect(changeOf('posts', 3, 0).relative).toBeNull(); // from nothing: no percentage
  });
});
