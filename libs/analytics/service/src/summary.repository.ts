import { Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { summaryFromTotals, type Period, type PeriodSummary } from '@herald/analytics-metrics';

interface Totals {
  posts: number;
  impressions: number;
  engagements: number;
}

/**
 * One period's summary, computed in the database: each post's newest snapshot (the history is
 * kept, the newest reading gives the totals) and the period's mentions. Engagements fall back to
 * the sum of their parts when a source reports only the parts, as engagementsOf does.
 *
 * Counters are BigInt columns and PostgreSQL sums them exactly (numeric). The answer is a JSON
 * number (a double): exact up to 2^53 - 1 (9,007,199,254,740,991), which one counter never passes;
 * a sum beyond it is given as the nearest double (off by at most one part in 2^53), not refused.
 */
export async function loadPeriodSummary(db: AnalyticsDb, workspaceId: string, period: Period): Promise<PeriodSummary> {
  const table = (name: string) => Prisma.raw(`"${db.schema}"."${name}"`);
  const [totals] = await db.prisma.$queryRaw<Totals[]>`
    SELECT count(*)::int AS posts,
           coalesce(sum(s.impressions), 0)::float8 AS impressions,
           coalesce(sum(coalesce(s.engagements,
             coalesce(s.likes, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0) + coalesce(s.saves, 0) + coalesce(s.link_clicks, 0) + coalesce(s.profile_clicks, 0))), 0)::float8 AS engagements
    FROM ${table('posts')} p
    LEFT JOIN LATERAL (
      SELECT * FROM ${table('metric_snapshots')} m WHERE m.post_id = p.id ORDER BY m.captured_at DESC LIMIT 1
    ) s ON true
    WHERE p.workspace_id = ${workspaceId} AND p.published_at >= ${period.from} AND p.published_at < ${period.to}`;
  const [mentions] = await db.prisma.$queryRaw<{ mentions: number; scored: number; score_sum: number | null }[]>`
    SELECT count(*)::int AS mentions, count(*) FILTER (WHERE scored)::int AS scored, sum(sentiment_score) FILTER (WHERE scored)::float8 AS score_sum
    FROM ${table('mentions')}
    WHERE workspace_id = ${workspaceId} AND occurred_at >= ${period.from} AND occurred_at < ${period.to}`;
  return summaryFromTotals({
    posts: totals?.posts ?? 0,
    impressions: totals?.impressions ?? 0,
    engagements: totals?.engagements ?? 0,
    mentions: mentions?.mentions ?? 0,
    scoredMentions: mentions?.scored ?? 0,
    sentimentSum: mentions?.score_sum ?? 0,
  });
}
