import type { SentimentLabel } from '@herald/events';

import { bucketStartOf, BUCKET_MS, type BucketSize } from './time-buckets.ts';

export type BrandKind = 'own' | 'competitor';

export interface VoiceBrand {
  id: string;
  name: string;
  kind: BrandKind;
}

/** A stored mention as share of voice reads it. */
export interface VoiceMention {
  brandIds: readonly string[];
  label: SentimentLabel | string;
  score: number;
  /** Unscored mentions (language not scored) count as voice but not in sentiment. */
  scored: boolean;
  occurredAt: Date | string;
}

/** Counts are of scored mentions only: an unscored mention has no sentiment to split. */
export interface SentimentSplit {
  positive: number;
  neutral: number;
  negative: number;
  /** Mean score of the scored mentions, in [-1, 1]; null when none was scored. */
  averageScore: number | null;
  /** (positive − negative) / scored mentions, in [-1, 1]; null when none was scored. */
  netSentiment: number | null;
}

export interface BrandVoice extends VoiceBrand {
  mentions: number;
  /** This brand's mentions over the mentions of all brands (a mention naming two brands counts for both). */
  share: number;
  sentiment: SentimentSplit;
}

export interface VoicePeriod {
  start: string;
  end: string;
  brands: { id: string; mentions: number; share: number }[];
}

export interface ShareOfVoice {
  brands: BrandVoice[];
  /** Mentions naming at least one brand. */
  matchedMentions: number;
  /** Per period, when a bucket was asked for; periods without any brand mention are left out. */
  periods: VoicePeriod[];
}

interface Tally {
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  scored: number;
  scoreSum: number;
}

const emptyTally = (): Tally => ({ mentions: 0, positive: 0, neutral: 0, negative: 0, scored: 0, scoreSum: 0 });

function splitOf(t: Tally): SentimentSplit {
  return {
    positive: t.positive,
    neutral: t.neutral,
    negative: t.negative,
    averageScore: t.scored > 0 ? round(t.scoreSum / t.scored) : null,
    netSentiment: t.scored > 0 ? round((t.positive - t.negative) / t.scored) : null,
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const shareOf = (part: number, whole: number) => (whole > 0 ? round(part / whole) : 0);

/**
 * Share of voice and sentiment per brand over the given mentions, and per period when `bucket` is
 * given. Every brand is listed, with zero mentions when it had none; ids of brands not given are
 * ignored (a brand deleted since).
 */
export function shareOfVoice(mentions: readonly VoiceMention[], brands: readonly VoiceBrand[], options: { bucket?: BucketSize } = {}): ShareOfVoice {
  const tallies = new Map(brands.map((b) => [b.id, emptyTally()]));
  const periods = new Map<number, Map<string, number>>();
  let matchedMentions = 0;
  for (const mention of mentions) {
    const ids = [...new Set(mention.brandIds)].filter((id) => tallies.has(id));
    if (ids.length === 0) continue;
    matchedMentions++;
    for (const id of ids) {
      const t = tallies.get(id) ?? emptyTally();
      t.mentions++;
      if (mention.scored) {
        t.scored++;
        t.scoreSum += mention.score;
        if (mention.label === 'positive') t.positive++;
        else if (mention.label === 'negative') t.negative++;
        else t.neutral++;
      }
    }
    if (options.bucket) {
      const start = bucketStartOf(new Date(mention.occurredAt), options.bucket).getTime();
      if (Number.isNaN(start)) continue;
      const period = periods.get(start) ?? new Map<string, number>();
      for (const id of ids) period.set(id, (period.get(id) ?? 0) + 1);
      periods.set(start, period);
    }
  }
  const total = [...tallies.values()].reduce((sum, t) => sum + t.mentions, 0);
  return {
    brands: brands.map((b) => {
      const t = tallies.get(b.id) ?? emptyTally();
      return { id: b.id, name: b.name, kind: b.kind, mentions: t.mentions, share: shareOf(t.mentions, total), sentiment: splitOf(t) };
    }),
    matchedMentions,
    periods: [...periods.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, counts]) => {
        const periodTotal = [...counts.values()].reduce((sum, n) => sum + n, 0);
        return {
          start: new Date(start).toISOString(),
          end: new Date(start + BUCKET_MS[options.bucket ?? 'day']).toISOString(),
          brands: brands.map((b) => ({ id: b.id, mentions: counts.get(b.id) ?? 0, share: shareOf(counts.get(b.id) ?? 0, periodTotal) })),
        };
      }),
  };
}

/** Sentiment split of any list of mentions (e.g. a whole period, brands aside). */
export function sentimentSplit(mentions: readonly Pick<VoiceMention, 'label' | 'score' | 'scored'>[]): SentimentSplit {
  const t = emptyTally();
  for (const m of mentions) {
    t.mentions++;
    if (!m.scored) continue;
    t.scored++;
    t.scoreSum += m.score;
    if (m.label === 'positive') t.positive++;
    else if (m.label === 'negative') t.negative++;
    else t.neutral++;
  }
  return splitOf(t);
}
