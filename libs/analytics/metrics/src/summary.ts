/**
 * What a group of posts and mentions adds up to before any ratio is taken. The database sums the
 * counters (summary.repository.ts); these functions are the one place ratios are taken.
 */
export interface PeriodTotals {
  posts: number;
  impressions: number;
  /** Null when no post in the group reported the counter: missing is not zero. */
  reach: number | null;
  engagements: number;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  linkClicks: number | null;
  videoViews: number | null;
  mentions: number;
  scoredMentions: number;
  positiveMentions: number;
  neutralMentions: number;
  negativeMentions: number;
  /** Sum of the scores of the scored mentions. */
  sentimentSum: number;
  /** Direct messages received. */
  inboundMessages: number;
  /** Comments and direct messages: what a team is expected to answer. */
  conversations: number;
  repliedConversations: number;
  /** Median minutes from a conversation to its reply, null with no reply. */
  medianResponseMinutes: number | null;
}

export interface FollowerTotals {
  /** Followers of every profile on the last day of the period with a count, null with none. */
  followers: number | null;
  /** The same on the day before the period starts. */
  followersAtStart: number | null;
}

export interface PeriodSummary extends PeriodTotals, FollowerTotals {
  /** engagements ÷ impressions; null without impressions. */
  engagementRate: number | null;
  /** engagements ÷ reach; null without reach. */
  engagementRateByReach: number | null;
  /** engagements ÷ followers at period end; null without a follower count. */
  engagementRateByFollowers: number | null;
  followerGrowth: number | null;
  followerGrowthRate: number | null;
  /** Share positive − share negative of the scored mentions, in [−1, 1]; null with none scored. */
  netSentiment: number | null;
  /** Mean score of the scored mentions, in [−1, 1]; null with none scored. */
  averageSentiment: number | null;
  responseRate: number | null;
}

const ratio = (numerator: number | null, denominator: number | null): number | null =>
  numerator == null || denominator == null || denominator === 0 ? null : numerator / denominator;

export function summaryFromTotals(totals: PeriodTotals, followers: FollowerTotals = { followers: null, followersAtStart: null }): PeriodSummary {
  const growth = followers.followers != null && followers.followersAtStart != null ? followers.followers - followers.followersAtStart : null;
  const scored = totals.scoredMentions;
  return {
    ...totals,
    ...followers,
    engagementRate: ratio(totals.engagements, totals.impressions),
    engagementRateByReach: ratio(totals.engagements, totals.reach),
    engagementRateByFollowers: ratio(totals.engagements, followers.followers),
    followerGrowth: growth,
    followerGrowthRate: ratio(growth, followers.followersAtStart),
    netSentiment: scored > 0 ? (totals.positiveMentions - totals.negativeMentions) / scored : null,
    averageSentiment: ratio(totals.sentimentSum, scored),
    responseRate: ratio(totals.repliedConversations, totals.conversations),
  };
}

export const emptyTotals = (): PeriodTotals => ({
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
  mentions: 0,
  scoredMentions: 0,
  positiveMentions: 0,
  neutralMentions: 0,
  negativeMentions: 0,
  sentimentSum: 0,
  inboundMessages: 0,
  conversations: 0,
  repliedConversations: 0,
  medianResponseMinutes: null,
});
