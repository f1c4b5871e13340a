import { describe, expect, it } from 'vitest';

import { engagementsOf, summarizePeriod } from './summary.ts';

describe('summarizePeriod', () => {
  it('adds up totals and divides engagements by impressions', () => {
    const summary = summarizePeriod({
      posts: [
        { impressions: 1000, engagements: 50 },
        { impressions: 3000, engagements: 30 },
      ],
      mentions: [
        { score: 0.5, scored: true },
        { score: -0.25, scored: true },
      ],
    });
    // 80 engagements over 4000 impressions = 0.02; sentiment (0.5 - 0.25) / 2 = 0.125
    expect(summary).toEqual({ posts: 2, impressions: 4000, engagements: 80, engagementRate: 0.02, mentions: 2, averageSentiment: 0.125 });
  });

  it('leaves rates empty rather than dividing by zero', () => {
    const summary = summarizePeriod({ posts: [], mentions: [] });
    expect(summary.engagementRate).toBeNull();
    expect(summary.averageSentiment).toBeNull();
  });

  it('counts unscored mentions but keeps them out of the average', () => {
    const summary = summarizePeriod({
      posts: [],
      mentions: [
        { score: 0, scored: false },
        { score: 0.6, scored: true },
      ],
    });
    expect(summary.mentions).toBe(2);
    expect(summary.averageSentiment).toBe(0.6);
  });
});

describe('engagementsOf', () => {
  it('prefers the reported figure, else sums the parts', () => {
    expect(engagementsOf({ engagements: 7, likes: 100 })).toBe(7);
    // 3 likes + 2 comments + 1 share = 6
    expect(engagementsOf({ likes: 3, comments: 2, shares: 1 })).toBe(6);
  });
});
