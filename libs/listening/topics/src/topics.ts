import { loadNatural, type TermCounts } from './natural.ts';
import { extractTerms } from './terms.ts';

/** A mention as the topic functions read it. */
export interface TopicMention {
  text: string;
  language?: string;
  occurredAt: Date | string;
  /** The mention's stored keywords (`mentionKeywords`); when given, the text is not read again. */
  terms?: readonly string[];
}

export type TopicBucket = 'hour' | 'day' | 'week';

export interface TopicCount {
  term: string;
  /** Mentions holding the term (a mention repeating it counts once). */
  mentions: number;
  /** `mentions` over all mentions of the period. */
  share: number;
}

export interface PeriodKeywords {
  start: string;
  end: string;
  mentions: number;
  keywords: { term: string; mentions: number; tfidf: number }[];
}

export interface TrendingTopic {
  term: string;
  mentions: number;
  previousMentions: number;
  /** Mentions expected from the previous period, scaled to this period's volume. */
  expected: number;
  /** (mentions + 1) / (expected + 1): how many times more than expected. */
  lift: number;
  /** (mentions − expected) / √(expected + 1): the rise in Poisson standard deviations, for ranking. */
  score: number;
}

export interface TopicOptions {
  limit?: number;
  /** Fewer mentions than this and a term is noise, never a topic. */
  minMentions?: number;
  /** Terms never reported, e.g. the workspace's own brand names (matched whole, case-insensitive). */
  exclude?: readonly string[];
}

const DEFAULTS = { limit: 10, minMentions: 2 };
/**
 * A word said mostly inside one phrase is that phrase: "dark" is dropped when "dark mode" holds at
 * least this share of its mentions, so the list does not say the same thing three times.
 */
const SUBSUMED_SHARE = 0.8;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The start of the UTC hour, day or ISO week (Monday) holding `time`. */
export function topicBucketStart(time: Date, bucket: TopicBucket): Date {
  const t = time.getTime();
  if (bucket === 'hour') return new Date(Math.floor(t / HOUR) * HOUR);
  const day = Math.floor(t / DAY) * DAY;
  if (bucket === 'day') return new Date(day);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY);
}

const bucketLength = (bucket: TopicBucket) => (bucket === 'hour' ? HOUR : bucket === 'day' ? DAY : 7 * DAY);

function termsOf(mention: TopicMention): ReadonlySet<string> {
  return new Set(mention.terms ?? extractTerms(mention.text, mention.language));
}

function excluder(exclude: readonly string[] | undefined): (term: string) => boolean {
  const banned = new Set((exclude ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0));
  if (banned.size === 0) return () => false;
  // "acme" also bans the phrases it is part of ("acme app"), which say nothing the brand does not.
  return (term) => banned.has(term) || term.split(' ').some((word) => banned.has(word));
}

/** Mentions per term, each mention counted once, excluded terms left out. */
function countMentions(mentions: readonly TopicMention[], exclude?: readonly string[]): Map<string, number> {
  const excluded = excluder(exclude);
  const counts = new Map<string, number>();
  for (const mention of mentions) {
    for (const term of termsOf(mention)) {
      if (!excluded(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return counts;
}

/** Drops terms that a longer phrase of the same list almost always contains. */
function dropSubsumed(counts: ReadonlyMap<string, number>): (term: string) => boolean {
  const phrases = [...counts.keys()].filter((t) => t.includes(' '));
  return (term) => {
    const count = counts.get(term) ?? 0;
    const padded = ` ${term} `;
    return !phrases.some((p) => p !== term && p.length > term.length && ` ${p} `.includes(padded) && (counts.get(p) ?? 0) >= SUBSUMED_SHARE * count);
  };
}

/** What the period's mentions talk about most: terms by number of mentions holding them. */
export function topTopics(mentions: readonly TopicMention[], options: TopicOptions = {}): TopicCount[] {
  const { limit, minMentions } = { ...DEFAULTS, ...options };
  const counts = countMentions(mentions, options.exclude);
  const frequent = new Map([...counts].filter(([, n]) => n >= minMentions));
  const keep = dropSubsumed(frequent);
  return [...frequent]
    .filter(([term]) => keep(term))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([term, n]) => ({ term, mentions: n, share: n / mentions.length }));
}

/**
 * The keywords that set each period apart: one TF-IDF document per period (natural's TfIdf), the
 * term frequency being the number of the period's mentions holding the term, so a term said every
 * period ranks below one said mostly in this period. Periods without mentions are left out.
 */
export function keywordsByPeriod(mentions: readonly TopicMention[], options: TopicOptions & { bucket?: TopicBucket } = {}): PeriodKeywords[] {
  const bucket = options.bucket ?? 'day';
  const { limit, minMentions } = { ...DEFAULTS, limit: 5, ...options };
  const groups = new Map<number, TopicMention[]>();
  for (const mention of mentions) {
    const start = topicBucketStart(new Date(mention.occurredAt), bucket).getTime();
    if (Number.isNaN(start)) continue;
    const group = groups.get(start);
    if (group) group.push(mention);
    else groups.set(start, [mention]);
  }
  const periods = [...groups.entries()].sort(([a], [b]) => a - b);
  const tfidf = new (loadNatural().TfIdf)();
  const counted = periods.map(([, group]) => countMentions(group, options.exclude));
  for (const counts of counted) {
    // A prototype-less map: a term such as "constructor" must not read an inherited function.
    const document: TermCounts = Object.create(null) as TermCounts;
    for (const [term, n] of counts) document[term] = n;
    tfidf.addDocument(document);
  }
  return periods.map(([start, group], index) => {
    const counts = counted[index] ?? new Map<string, number>();
    const frequent = new Map([...counts].filter(([, n]) => n >= minMentions));
    const keep = dropSubsumed(frequent);
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + bucketLength(bucket)).toISOString(),
      mentions: group.length,
      keywords: tfidf
        .listTerms(index)
        .filter((t) => frequent.has(t.term) && keep(t.term))
        .slice(0, limit)
        .map((t) => ({ term: t.term, mentions: t.tf, tfidf: Math.round(t.tfidf * 1000) / 1000 })),
    };
  });
}

/**
 * Terms rising against the previous period: mentions now against the mentions expected from the
 * previous period at this period's volume. A term needs `minMentions` now (default 3) and to be
 * said `minLift` times (default 2) more than expected; the rise in Poisson standard deviations
 * ranks them, so 30 against 10 outranks 4 against 0.
 */
export function trendingTopics(
  current: readonly TopicMention[],
  previous: readonly TopicMention[],
  options: TopicOptions & { minLift?: number } = {},
): TrendingTopic[] {
  const limit = options.limit ?? DEFAULTS.limit;
  const minMentions = options.minMentions ?? 3;
  const minLift = options.minLift ?? 2;
  // With no previous mentions at all there is no baseline: nothing can be said to rise.
  if (current.length === 0 || previous.length === 0) return [];
  const now = countMentions(current, options.exclude);
  const before = countMentions(previous, options.exclude);
  const scale = current.length / previous.length;
  const rising: TrendingTopic[] = [];
  for (const [term, mentions] of now) {
    if (mentions < minMentions) continue;
    const previousMentions = before.get(term) ?? 0;
    const expected = previousMentions * scale;
    const lift = (mentions + 1) / (expected + 1);
    if (lift < minLift) continue;
    rising.push({
      term,
      mentions,
      previousMentions,
      expected: round(expected),
      lift: round(lift),
      score: round((mentions - expected) / Math.sqrt(expected + 1)),
    });
  }
  const keep = dropSubsumed(new Map(rising.map((t) => [t.term, t.mentions])));
  return rising
    .filter((t) => keep(t.term))
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
    .slice(0, limit);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
