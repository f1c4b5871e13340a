import type { Static } from 'typebox';

import type { AlertKind } from '@herald/events';
import type { ListeningDb } from '@herald/listening-data-access';
import { INTENTS, isIntent, type Intent } from '@herald/listening-intents';
import { sentimentSplit, shareOfVoice, type BrandKind } from '@herald/listening-signals';
import { keywordsByPeriod, topTopics, trendingTopics, type TopicMention } from '@herald/listening-topics';

import type { ListeningSummarySchema } from '../api/summary.schema.ts';
import { daysOf, previousPeriod, type Period } from './period.ts';

export type ListeningSummary = Static<typeof ListeningSummarySchema>;

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Everything the listening summary shows for one period, from the stored analyses: volume and
 * sentiment per day, topics (top, trending against the previous period of the same length, and
 * each day's TF-IDF keywords), intents, share of voice per brand, and the alerts raised.
 * Topics are counted on each mention's stored keywords, so texts are not read again.
 */
export async function loadListeningSummary(db: ListeningDb, workspaceId: string, period: Period): Promise<ListeningSummary> {
  const previous = previousPeriod(period);
  const select = { occurredAt: true, label: true, score: true, scored: true, intent: true, topics: true, brandIds: true, language: true } as const;
  const [rows, before, brands, alerts] = await Promise.all([
    db.prisma.mentionAnalysis.findMany({ where: { workspaceId, occurredAt: { gte: period.from, lt: period.to } }, select }),
    db.prisma.mentionAnalysis.findMany({
      where: { workspaceId, occurredAt: { gte: previous.from, lt: previous.to } },
      select: { occurredAt: true, topics: true, language: true },
    }),
    db.prisma.brand.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } }),
    db.prisma.listeningAlert.findMany({
      where: { workspaceId, bucketStart: { gte: period.from, lt: period.to } },
      orderBy: [{ bucketStart: 'asc' }, { kind: 'asc' }],
    }),
  ]);

  const asTopic = (r: { occurredAt: Date; topics: string[]; language: string }): TopicMention => ({
    text: '',
    language: r.language,
    occurredAt: r.occurredAt,
    terms: r.topics,
  });
  // The brands' own names would top every list; topics are what is said about them.
  const exclude = brands.flatMap((b) => [b.name, ...b.keywords, ...b.products, ...b.campaigns]);
  const current = rows.map(asTopic);

  const byDay = new Map(daysOf(period).map((d) => [d, [] as typeof rows]));
  for (const r of rows) byDay.get(r.occurredAt.toISOString().slice(0, 10))?.push(r);

  const intentCounts = new Map<Intent, number>(INTENTS.map((i) => [i, 0]));
  let classified = 0;
  for (const r of rows) {
    if (!isIntent(r.intent)) continue;
    classified++;
    intentCounts.set(r.intent, (intentCounts.get(r.intent) ?? 0) + 1);
  }

  const voice = shareOfVoice(
    rows,
    brands.map((b) => ({ id: b.id, name: b.name, kind: b.kind as BrandKind })),
  );

  return {
    workspaceId,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    mentions: rows.length,
    unscored: rows.filter((r) => !r.scored).length,
    sentiment: sentimentSplit(rows),
    days: [...byDay].map(([date, dayRows]) => ({ date, mentions: dayRows.length, ...sentimentSplit(dayRows) })),
    topTopics: topTopics(current, { exclude, limit: 15 }).map((t) => ({ ...t, share: round(t.share) })),
    trendingTopics: trendingTopics(current, before.map(asTopic), { exclude }),
    keywordsByDay: keywordsByPeriod(current, { bucket: 'day', exclude }).map((p) => ({
      date: p.start.slice(0, 10),
      mentions: p.mentions,
      keywords: p.keywords,
    })),
    intents: INTENTS.map((intent) => ({
      intent,
      mentions: intentCounts.get(intent) ?? 0,
      share: classified > 0 ? round((intentCounts.get(intent) ?? 0) / classified) : 0,
    })),
    shareOfVoice: {
      matchedMentions: voice.matchedMentions,
      brands: voice.brands.map((b) => ({ id: b.id, name: b.name, kind: b.kind, mentions: b.mentions, share: b.share, sentiment: b.sentiment })),
    },
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind as AlertKind,
      bucketStart: a.bucketStart.toISOString(),
      bucketEnd: a.bucketEnd.toISOString(),
      observed: a.observed,
      baseline: a.baseline,
      score: a.score,
      mentions: (a.payload as { mentions?: number }).mentions ?? 0,
    })),
  };
}
