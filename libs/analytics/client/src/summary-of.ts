import type { AnalyticsSummary } from './analytics-client.ts';

type Required = Pick<AnalyticsSummary, 'workspaceId' | 'from' | 'to'>;

/**
 * A summary with every metric missing (null) or zero, overridden by `over`: for callers' tests
 * that stand in for the analytics API and care about a few figures.
 */
export const analyticsSummaryOf = (over: Required & Partial<AnalyticsSummary>): AnalyticsSummary => ({
  timeZone: 'UTC',
  label: '',
  kind: 'custom',
  posts: 0,
  impressions: 0,
  reach: null,
  engagements: 0,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  linkClicks: null,
  videoViews: null,
  engagementRate: null,
  engagementRateByReach: null,
  engagementRateByFollowers: null,
  followers: null,
  followerGrowth: null,
  followerGrowthRate: null,
  mentions: 0,
  netSentiment: null,
  averageSentiment: null,
  inboundMessages: 0,
  responseRate: null,
  medianResponseMinutes: null,
  custom: {},
  sentiment: { scored: 0, positive: 0, neutral: 0, negative: 0 },
  readingRule: '',
  ...over,
});
