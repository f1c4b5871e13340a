import { describe, expect, it } from 'vitest';

import { compileBrandMatcher, normaliseForMatching } from './brand-matcher.ts';
import { sentimentSplit, shareOfVoice, type VoiceMention } from './share-of-voice.ts';
import { detectSpikes, median, spikeAlertId, type SpikeSeriesBucket } from './spikes.ts';
import { bucketStartOf } from './time-buckets.ts';

describe('brand matching', () => {
  const matcher = compileBrandMatcher([
    { id: 'acme', name: 'Acme', keywords: ['@acmehq', 'Acme Cloud'], products: ['Roadrunner'], campaigns: ['#BeepBeep'] },
    { id: 'apple', name: 'Apple', keywords: [], excludes: ['apple pie', 'apple juice'] },
    { id: 'sony', name: 'ソニー', keywords: [] },
  ]);

  it('matches names, handles, hashtags, products and campaigns as whole words, whatever the case or accents', () => {
    expect(matcher.match('loving my ACME gear')).toEqual(['acme']);
    expect(matcher.match('shoutout @AcmeHQ!')).toEqual(['acme']);
    expect(matcher.match('#acmecloud is down')).toEqual(['acme']);
    expect(matcher.match('the roadrunner update rocks #beepbeep')).toEqual(['acme']);
    expect(matcher.match('Ácme everywhere')).toEqual(['acme']);
    expect(matcher.match('acmeville fair this weekend')).toEqual([]);
  });

  it('ignores excluded phrases but still sees the brand elsewhere in the text', () => {
    expect(matcher.match('grandma makes the best apple pie')).toEqual([]);
    expect(matcher.match('apple pie while my Apple watch charges')).toEqual(['apple']);
  });

  it('finds keywords of unspaced scripts inside words', () => {
    expect(matcher.match('新しいソニーのヘッドホン')).toEqual(['sony']);
  });

  it('tells which keywords matched, and matches nothing in empty or replacement-character text', () => {
    expect(matcher.matchDetailed('Acme Cloud by @acmehq')).toEqual([{ brandId: 'acme', terms: ['acme', 'acmehq', 'acme cloud'] }]);
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('\uFFFD\uFFFD')).toEqual([]);
    expect(normaliseForMatching('#Acme-Cloud!')).toBe(' acme cloud ');
  });
});

describe('share of voice', () => {
  const brands = [
    { id: 'own', name: 'Acme', kind: 'own' as const },
    { id: 'rival', name: 'Globex', kind: 'competitor' as const },
    { id: 'quiet', name: 'Initech', kind: 'competitor' as const },
  ];
  const m = (brandIds: string[], label: string, score: number, occurredAt: string, scored = true): VoiceMention => ({
    brandIds,
    label,
    score,
    scored,
    occurredAt,
  });
  const mentions = [
    m(['own'], 'positive', 0.8, '2026-03-02T10:00:00Z'),
    m(['own'], 'negative', -0.4, '2026-03-02T11:00:00Z'),
    m(['own', 'rival'], 'neutral', 0, '2026-03-03T10:00:00Z'),
    m(['rival'], 'negative', -0.6, '2026-03-03T11:00:00Z'),
    m(['own'], 'neutral', 0, '2026-03-03T12:00:00Z', false),
    m([], 'positive', 0.5, '2026-03-03T13:00:00Z'),
    m(['deleted-brand'], 'positive', 0.5, '2026-03-03T14:00:00Z'),
  ];

  it("splits the brands' mentions among them and scores each brand's sentiment", () => {
    const voice = shareOfVoice(mentions, brands);
    // Brand mentions: Acme 4, Globex 2, Initech 0 → 6 in all (the shared mention counts for both).
    expect(voice.matchedMentions).toBe(5);
    expect(voice.brands).toEqual([
      // Acme's scored mentions: +0.8, -0.4, 0 → mean 0.1333; net (1 − 1) / 3 = 0.
      {
        id: 'own',
        name: 'Acme',
        kind: 'own',
        mentions: 4,
        share: 0.6667,
        sentiment: { positive: 1, neutral: 1, negative: 1, averageScore: 0.1333, netSentiment: 0 },
      },
      {
        id: 'rival',
        name: 'Globex',
        kind: 'competitor',
        mentions: 2,
        share: 0.3333,
        sentiment: { positive: 0, neutral: 1, negative: 1, averageScore: -0.3, netSentiment: -0.5 },
      },
      {
        id: 'quiet',
        name: 'Initech',
        kind: 'competitor',
        mentions: 0,
        share: 0,
        sentiment: { positive: 0, neutral: 0, negative: 0, averageScore: null, netSentiment: null },
      },
    ]);
  });

  it('gives the share per period when asked', () => {
    const { periods } = shareOfVoice(mentions, brands, { bucket: 'day' });
    expect(periods).toEqual([
      {
        start: '2026-03-02T00:00:00.000Z',
        end: '2026-03-03T00:00:00.000Z',
        brands: [
          { id: 'own', mentions: 2, share: 1 },
          { id: 'rival', mentions: 0, share: 0 },
          { id: 'quiet', mentions: 0, share: 0 },
        ],
      },
      {
        start: '2026-03-03T00:00:00.000Z',
        end: '2026-03-04T00:00:00.000Z',
        brands: [
          { id: 'own', mentions: 2, share: 0.5 },
          { id: 'rival', mentions: 2, share: 0.5 },
          { id: 'quiet', mentions: 0, share: 0 },
        ],
      },
    ]);
  });

  it('splits sentiment of scored mentions only', () => {
    expect(sentimentSplit(mentions)).toEqual({ positive: 3, neutral: 1, negative: 2, averageScore: 0.1333, netSentiment: 0.1667 });
    expect(sentimentSplit([])).toEqual({ positive: 0, neutral: 0, negative: 0, averageScore: null, netSentiment: null });
  });
});

describe('spike detection', () => {
  const base = Date.parse('2026-03-01T00:00:00Z');
  const at = (h: number) => new Date(base + h * 3_600_000);
  /** 24 hours of `perHour` mentions with `negatives` negative, then whatever `last` says. */
  const series = (perHour: number[], last: Omit<SpikeSeriesBucket, 'start'>, negatives = 0): SpikeSeriesBucket[] => [
    ...perHour.map((mentions, h) => ({ start: at(h), mentions, negatives: Math.min(negatives, mentions), scored: mentions })),
    { start: at(perHour.length), ...last },
  ];
  const steady = Array.from({ length: 24 }, (_, h) => (h % 2 === 0 ? 4 : 6));

  it('flags a volume far above the trailing median', () => {
    const spikes = detectSpikes({ series: series(steady, { mentions: 40, negatives: 0, scored: 40 }), candidates: [at(24)] });
    // Median 5, MAD 1 → spread max(1.4826, √5 ≈ 2.236) = 2.236; (40 − 5) / 2.236 ≈ 15.65.
    expect(spikes).toEqual([
      expect.objectContaining({ kind: 'volume_spike', start: at(24), end: at(25), observed: 40, baseline: 5, score: 15.6525, baselineBuckets: 24 }),
    ]);
  });

  it('ignores ordinary wobble, small absolute jumps, and a past spike in the baseline', () => {
    expect(detectSpikes({ series: series(steady, { mentions: 9, negatives: 0, scored: 9 }), candidates: [at(24)] })).toEqual([]);
    const quiet = Array.from({ length: 24 }, () => 0);
    // 0 → 8 is far in z but under the minimum volume of 10.
    expect(detectSpikes({ series: series(quiet, { mentions: 8, negatives: 0, scored: 8 }), candidates: [at(24)] })).toEqual([]);
    const withPastSpike: number[] = [...steady];
    withPastSpike[5] = 200;
    expect(detectSpikes({ series: series(withPastSpike, { mentions: 40, negatives: 0, scored: 40 }), candidates: [at(24)] })).toHaveLength(1);
  });

  it('needs enough history: buckets before the first mention are not quiet hours', () => {
    const input = { series: series(steady, { mentions: 40, negatives: 0, scored: 40 }), candidates: [at(24)] };
    expect(detectSpikes({ ...input, historyStart: at(20) })).toEqual([]);
    expect(detectSpikes({ ...input, historyStart: at(18) })).toHaveLength(1);
  });

  it('flags a negative share far above the trailing share', () => {
    // Baseline: 1 negative of 5 per hour → (24 + 1) / (120 + 2) ≈ 0.2049; the bucket: 9 of 12 = 0.75.
    const spikes = detectSpikes({ series: series(Array(24).fill(5), { mentions: 12, negatives: 9, scored: 12 }, 1), candidates: [at(24)] });
    expect(spikes).toEqual([expect.objectContaining({ kind: 'negative_share_spike', observed: 0.75, baseline: 0.2049, negatives: 9 })]);
  });

  it('does not flag a negative share on too few mentions or a small rise', () => {
    expect(detectSpikes({ series: series(Array(24).fill(5), { mentions: 6, negatives: 5, scored: 6 }, 1), candidates: [at(24)] })).toEqual([]);
    // 7 of 20 = 0.35 against 0.2049: under the 20-point rise (the volume, 4 times the median, is a spike of its own).
    expect(detectSpikes({ series: series(Array(24).fill(5), { mentions: 20, negatives: 7, scored: 20 }, 1), candidates: [at(24)] }).map((s) => s.kind)).toEqual(
      ['volume_spike'],
    );
  });

  it('judges only the candidate buckets, and every bucket without candidates', () => {
    const s = series(steady, { mentions: 40, negatives: 0, scored: 40 });
    expect(detectSpikes({ series: s, candidates: [at(23)] })).toEqual([]);
    expect(detectSpikes({ series: s }).map((x) => x.start)).toEqual([at(24)]);
  });

  it('works on daily buckets too', () => {
    const days = Array.from({ length: 14 }, (_, d) => ({ start: new Date(base + d * 86_400_000), mentions: 50, negatives: 0, scored: 50 }));
    days.push({ start: new Date(base + 14 * 86_400_000), mentions: 400, negatives: 0, scored: 400 });
    expect(detectSpikes({ series: days, options: { bucket: 'day', baselineBuckets: 14 } })).toEqual([
      expect.objectContaining({ kind: 'volume_spike', observed: 400, baseline: 50 }),
    ]);
  });

  it('derives one alert id per workspace, kind and bucket', () => {
    const spike = { kind: 'volume_spike' as const, start: at(24), end: at(25) };
    expect(spikeAlertId('ws', spike)).toBe(spikeAlertId('ws', { ...spike }));
    expect(spikeAlertId('ws', spike)).not.toBe(spikeAlertId('other', spike));
    expect(spikeAlertId('ws', spike)).not.toBe(spikeAlertId('ws', { ...spike, kind: 'negative_share_spike' }));
    expect(spikeAlertId('ws', spike)).not.toBe(spikeAlertId('ws', { ...spike, end: new Date(at(24).getTime() + 86_400_000) }));
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('bucketStartOf', () => {
  it('starts ISO weeks on Monday', () => {
    expect(bucketStartOf(new Date('2026-03-08T23:59:59Z'), 'week').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
