import type { AnalyticsDb } from '@herald/analytics-data-access';
import { summarizePeriod, type Period, type PeriodSummary } from '@herald/analytics-metrics';

/** Reads what one period's summary needs: each post's newest snapshot and the period's mentions. */
export async function loadPeriodSummary(db: AnalyticsDb, workspaceId: string, period: Period): Promise<PeriodSummary> {
  const posts = await db.prisma.post.findMany({
    where: { workspaceId, publishedAt: { gte: period.from, lt: period.to } },
    select: { id: true },
  });
  const latest = posts.length
    ? await db.prisma.metricSnapshot.findMany({
        where: { postId: { in: posts.map((p) => p.id) } },
        orderBy: [{ postId: 'asc' }, { capturedAt: 'desc' }],
        distinct: ['postId'],
      })
    : [];
  const byPost = new Map(latest.map((s) => [s.postId, s]));
  const mentions = await db.prisma.mention.findMany({
    where: { workspaceId, occurredAt: { gte: period.from, lt: period.to } },
    select: { sentimentScore: true, scored: true },
  });
  return summarizePeriod({
    posts: posts.map((p) => byPost.get(p.id) ?? {}),
    mentions: mentions.map((m) => ({ score: m.sentimentScore, scored: m.scored })),
  });
}
