/** The counters of a post's newest metric snapshot that the summary needs. */
export interface PostTotals {
  impressions?: number | null;
  engagements?: number | null;
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  linkClicks?: number | null;
  profileClicks?: number | null;
}

export interface MentionSentiment {
  score: number;
  scored: boolean;
}

export interface PeriodSummary {
  posts: number;
  impressions: number;
  engagements: number;
  /** engagements / impressions, or null when nothing was shown. */
  engagementRate: number | null;
  mentions: number;
  /** Mean score of the mentions that could be scored, or null when none could. */
  averageSentiment: number | null;
}

/**
 * Engagements as the network reports them; when a source gives only the parts, their sum.
 * Networks disagree on what counts, so the reported figure always wins.
 */
export function engagementsOf(totals: PostTotals): number {
  if (totals.engagements != null) return totals.engagements;
  const parts = [totals.likes, totals.comments, totals.shares, totals.saves, totals.linkClicks, totals.profileClicks];
  return parts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** What a period adds up to before any ratio is taken. */
export interface PeriodTotals {
  posts: number;
  impressions: number;
  engagements: number;
  mentions: number;
  scoredMentions: number;
  /** Sum of the scores of the scored mentions. */
  sentimentSum: number;
}

/** The ratios of a period from its totals; rates stay null rather than divide by zero. */
export function summaryFromTotals(totals: PeriodTotals): PeriodSummary {
  return {
    posts: totals.posts,
    impressions: totals.impressions,
    engagements: totals.engagements,
    engagementRate: totals.impressions > 0 ? totals.engagements / totals.impressions : null,
    mentions: totals.mentions,
    averageSentiment: totals.scoredMentions > 0 ? totals.sentimentSum / totals.scoredMentions : null,
  };
}

export function summarizePeriod(input: { posts: readonly PostTotals[]; mentions: readonly MentionSentiment[] }): PeriodSummary {
  const scored = input.mentions.filter((m) => m.scored);
  return summaryFromTotals({
    posts: input.posts.length,
    impressions: input.posts.reduce((sum, p) => sum + (p.impressions ?? 0), 0),
    engagements: input.posts.reduce((sum, p) => sum + engagementsOf(p), 0),
    mentions: input.mentions.length,
    scoredMentions: scored.length,
    sentimentSum: scored.reduce((sum, m) => sum + m.score, 0),
  });
}
