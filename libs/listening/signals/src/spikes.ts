import { deriveEventId, type AlertKind } from '@herald/events';

import { BUCKET_MS, bucketStartOf, type BucketSize } from './time-buckets.ts';

/** One time bucket of a workspace's mentions. Buckets absent from a series had no mentions. */
export interface SpikeSeriesBucket {
  start: Date | string;
  mentions: number;
  negatives: number;
  /** Mentions with a sentiment score (the denominator of the negative share). */
  scored: number;
}

export interface SpikeOptions {
  bucket: BucketSize;
  /** Trailing buckets the baseline is computed from. */
  baselineBuckets: number;
  /** Fewer trailing buckets of history than this and nothing is judged (a workspace that just started). */
  minBaselineBuckets: number;
  volume: {
    /** A bucket needs this many mentions: a jump from 1 to 4 is not news. */
    minMentions: number;
    /** And this many times the baseline median ("far above", not merely significant). */
    minRatio: number;
    /** Robust z-score needed: 3.5 is Iglewicz and Hoaglin's cut-off for outliers on the modified z-score. */
    threshold: number;
  };
  negativeShare: {
    /** Scored mentions the bucket needs, and negatives among them. */
    minScored: number;
    minNegatives: number;
    /** Scored mentions the baseline needs for its share to mean anything. */
    minBaselineScored: number;
    /** The share must rise by at least this much (0.2 = 20 points). */
    minIncrease: number;
    /** z-score of the bucket's share against the baseline share (binomial standard error). */
    threshold: number;
  };
}

export const DEFAULT_SPIKE_OPTIONS: Readonly<SpikeOptions> = {
  bucket: 'hour',
  baselineBuckets: 24,
  minBaselineBuckets: 6,
  volume: { minMentions: 10, minRatio: 2, threshold: 3.5 },
  negativeShare: { minScored: 10, minNegatives: 5, minBaselineScored: 20, minIncrease: 0.2, threshold: 3.5 },
};

export interface Spike {
  kind: AlertKind;
  start: Date;
  end: Date;
  /** Mentions in the bucket, or its negative share. */
  observed: number;
  /** Median mentions per trailing bucket, or the trailing negative share. */
  baseline: number;
  score: number;
  threshold: number;
  mentions: number;
  negatives: number;
  scored: number;
  baselineBuckets: number;
}

export interface DetectSpikesInput {
  series: readonly SpikeSeriesBucket[];
  /** Times whose buckets are judged (e.g. those new mentions fell in); default every bucket of the series. */
  candidates?: readonly (Date | string)[];
  /** The workspace's first mention: buckets before it are no history, not quiet hours. Default: the series' first bucket. */
  historyStart?: Date | string;
  options?: Partial<Omit<SpikeOptions, 'volume' | 'negativeShare'>> & {
    volume?: Partial<SpikeOptions['volume']>;
    negativeShare?: Partial<SpikeOptions['negativeShare']>;
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Buckets whose volume or negative share is far above the trailing baseline.
 *
 * Volume: the baseline is the median of the trailing buckets, the spread 1.4826 × their median
 * absolute deviation (a standard deviation that a past spike does not inflate), but never below
 * √median, the Poisson spread of a count: with steady volume the deviation is 0 and any wobble
 * would otherwise be infinitely far. Negative share: the trailing buckets' pooled share, smoothed
 * by one negative and one other mention, against the bucket's share with its binomial standard error.
 */
export function detectSpikes(input: DetectSpikesInput): Spike[] {
  const options: SpikeOptions = {
    ...DEFAULT_SPIKE_OPTIONS,
    ...input.options,
    volume: { ...DEFAULT_SPIKE_OPTIONS.volume, ...input.options?.volume },
    negativeShare: { ...DEFAULT_SPIKE_OPTIONS.negativeShare, ...input.options?.negativeShare },
  };
  const size = BUCKET_MS[options.bucket];
  const byStart = new Map<number, SpikeSeriesBucket>();
  for (const b of input.series) {
    const start = bucketStartOf(new Date(b.start), options.bucket).getTime();
    const seen = byStart.get(start);
    byStart.set(
      start,
      seen ? { start: new Date(start), mentions: seen.mentions + b.mentions, negatives: seen.negatives + b.negatives, scored: seen.scored + b.scored } : b,
    );
  }
  if (byStart.size === 0) return [];
  const firstBucket = input.historyStart !== undefined ? bucketStartOf(new Date(input.historyStart), options.bucket).getTime() : Math.min(...byStart.keys());
  const candidates = [...new Set((input.candidates ?? [...byStart.keys()]).map((t) => bucketStartOf(new Date(t), options.bucket).getTime()))]
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);

  const spikes: Spike[] = [];
  for (const start of candidates) {
    const bucket = byStart.get(start);
    if (!bucket) continue;
    const trailing: SpikeSeriesBucket[] = [];
    for (let i = 1; i <= options.baselineBuckets; i++) {
      const t = start - i * size;
      if (t < firstBucket) break;
      trailing.push(byStart.get(t) ?? { start: new Date(t), mentions: 0, negatives: 0, scored: 0 });
    }
    if (trailing.length < options.minBaselineBuckets) continue;
    const common = {
      start: new Date(start),
      end: new Date(start + size),
      mentions: bucket.mentions,
      negatives: bucket.negatives,
      scored: bucket.scored,
      baselineBuckets: trailing.length,
    };

    const volumes = trailing.map((b) => b.mentions);
    const mid = median(volumes);
    const mad = median(volumes.map((v) => Math.abs(v - mid)));
    const spread = Math.max(1.4826 * mad, Math.sqrt(Math.max(mid, 1)));
    const volumeScore = (bucket.mentions - mid) / spread;
    const v = options.volume;
    if (bucket.mentions >= v.minMentions && bucket.mentions >= v.minRatio * mid && volumeScore >= v.threshold) {
      spikes.push({ kind: 'volume_spike', observed: bucket.mentions, baseline: round(mid), score: round(volumeScore), threshold: v.threshold, ...common });
    }

    const n = options.negativeShare;
    const baselineScored = trailing.reduce((sum, b) => sum + b.scored, 0);
    if (bucket.scored >= n.minScored && bucket.negatives >= n.minNegatives && baselineScored >= n.minBaselineScored) {
      const baselineNegatives = trailing.reduce((sum, b) => sum + b.negatives, 0);
      const p0 = (baselineNegatives + 1) / (baselineScored + 2);
      const observed = bucket.negatives / bucket.scored;
      const shareScore = (observed - p0) / Math.sqrt((p0 * (1 - p0)) / bucket.scored);
      if (observed - p0 >= n.minIncrease && shareScore >= n.threshold) {
        spikes.push({
          kind: 'negative_share_spike',
          observed: round(observed),
          baseline: round(p0),
          score: round(shareScore),
          threshold: n.threshold,
          ...common,
        });
      }
    }
  }
  return spikes;
}

/**
 * The id of the alert for a spike: derived from the workspace, the kind and the bucket (its start and
 * length), so detecting the same spike again, on a redelivery or a replica, gives the same alert.
 */
export function spikeAlertId(workspaceId: string, spike: Pick<Spike, 'kind' | 'start' | 'end'>): string {
  return deriveEventId('listening.alert', workspaceId, spike.kind, spike.start.toISOString(), String(spike.end.getTime() - spike.start.getTime()));
}
