import type { MetricsSnapshot } from '@herald/events';

import type { SampleContentType as ContentType, SampleNetwork } from './post-texts.ts';
import type { SeededRandom } from './seeded-random.ts';
import { HISTORY_DAYS, HOUR_MS } from './sample-story.ts';

export interface MetricsInput {
  network: SampleNetwork;
  contentType: ContentType;
  hasLink: boolean;
  publishedAtMs: number;
  capturedAtMs: number;
  daysAgo: number;
  /** Paid boost and press around a launch: more reach, a bit more engagement. */
  campaignBoost: number;
  /** Posted during the week the team paused scheduled content. */
  weak: boolean;
  /** A status update during an incident: followers-only reach, mostly replies. */
  incident: boolean;
}

/** Median impressions of a plain text post on a good hour, 60 days ago. LinkedIn's company pages reach fewer people than X. */
const BASE_IMPRESSIONS: Record<SampleNetwork, number> = { x: 5200, linkedin: 2300, instagram: 3800, tiktok: 6500 };

/**
 * Reach multiplier and median engagement rate per format. This is "what works" in the sample:
 * carousels and short video win, link posts lose.
 */
const FORMAT: Record<ContentType | 'short-video', { reach: number; rate: number }> = {
  text: { reach: 1, rate: 0.022 },
  image: { reach: 1.15, rate: 0.031 },
  link: { reach: 0.72, rate: 0.013 },
  carousel: { reach: 1.45, rate: 0.057 },
  video: { reach: 1.3, rate: 0.037 },
  'short-video': { reach: 1.9, rate: 0.053 },
  reel: { reach: 1.9, rate: 0.053 },
  live: { reach: 0.55, rate: 0.045 },
  story: { reach: 0.6, rate: 0.02 },
  other: { reach: 1, rate: 0.02 },
};

/** Mid-morning to lunchtime in New York (13–15 UTC) is the sweet spot; evenings and nights do worst. */
function hourFactor(utcHour: number): number {
  if (utcHour >= 13 && utcHour <= 15) return 1.3;
  if (utcHour >= 16 && utcHour <= 18) return 1.05;
  if (utcHour >= 11 && utcHour <= 12) return 0.95;
  if (utcHour >= 19 && utcHour <= 21) return 0.8;
  return 0.62;
}

type Part = 'likes' | 'comments' | 'shares' | 'saves' | 'linkClicks' | 'profileClicks';

/** How engagements split into their parts, by format; a network that does not report a part gets 0 weight. */
function partWeights(input: MetricsInput, format: ContentType | 'short-video'): Record<Part, number> {
  const w: Record<Part, number> = { likes: 0.62, comments: 0.07, shares: 0.1, saves: 0.05, linkClicks: 0, profileClicks: 0.06 };
  if (input.hasLink) w.linkClicks = 0.18;
  if (format === 'link') Object.assign(w, { linkClicks: 0.45, likes: 0.32 });
  if (format === 'carousel') Object.assign(w, { likes: 0.5, saves: 0.2, shares: 0.14 });
  if (format === 'reel' || format === 'short-video') Object.assign(w, { shares: 0.16, saves: 0.08 });
  if (format === 'live') w.comments = 0.3;
  if (input.incident) Object.assign(w, { likes: 0.2, comments: 0.45, shares: 0.2, saves: 0 });
  if (input.network === 'linkedin') Object.assign(w, { saves: 0, profileClicks: 0 });
  if (input.network === 'instagram' || input.network === 'tiktok') w.linkClicks = 0;
  return w;
}

const VIEW_RATE: Partial<Record<ContentType | 'short-video', number>> = { video: 0.4, 'short-video': 1, reel: 0.72, live: 0.6, story: 0.8 };
const WATCH_SECONDS: Partial<Record<ContentType | 'short-video', [number, number]>> = {
  video: [18, 34],
  'short-video': [7, 13],
  reel: [6, 12],
  live: [150, 420],
  story: [3, 6],
};

/** One snapshot of a post's counters, as the network would report them at `capturedAtMs`. */
export function createPostMetrics(random: SeededRandom, input: MetricsInput): MetricsSnapshot {
  const format = input.network === 'tiktok' && input.contentType === 'video' ? 'short-video' : input.contentType;
  const profile = FORMAT[format];
  const hour = hourFactor(new Date(input.publishedAtMs).getUTCHours());
  const weekday = new Date(input.publishedAtMs).getUTCDay();
  const weekend = (weekday === 0 || weekday === 6) && (input.network === 'x' || input.network === 'linkedin') ? 0.8 : 1;
  const recency = 1 - input.daysAgo / HISTORY_DAYS; // 0 at the start of the history, 1 today: the account grows
  const weak = input.weak ? 0.55 : 1;
  const incident = input.incident ? 0.7 : 1;
  // Counters keep climbing for about two days; a younger post shows less.
  const ageHours = Math.max(0, (input.capturedAtMs - input.publishedAtMs) / HOUR_MS);
  const maturity = Math.min(1, ageHours / 48) ** 0.6;

  const fullImpressions =
    BASE_IMPRESSIONS[input.network] * profile.reach * hour * weekend * (0.7 + 0.6 * recency) * input.campaignBoost * weak * incident * random.logNormal(1, 0.3);
  const impressions = Math.round(fullImpressions * maturity);
  const rawRate =
    profile.rate * Math.sqrt(hour) * (0.9 + 0.2 * recency) * (input.campaignBoost > 1 ? 1.15 : 1) * (input.weak ? 0.7 : 1) * random.logNormal(1, 0.18);
  const rate = Math.min(0.077, Math.max(0.0125, input.incident ? 0.03 : rawRate));

  const weights = partWeights(input, format);
  const totalWeight = Object.values(weights).reduce((sum, w) => sum + w, 0);
  const part = (name: Part) => Math.round((impressions * rate * weights[name]) / totalWeight);
  const likes = part('likes');
  const comments = part('comments');
  const shares = part('shares');
  const saves = part('saves');
  const linkClicks = part('linkClicks');
  const profileClicks = part('profileClicks');

  const viewRate = VIEW_RATE[format];
  const videoViews = viewRate === undefined ? undefined : Math.round(impressions * viewRate * (input.network === 'x' ? 0.85 : 1));
  const watch = WATCH_SECONDS[format];
  const reportsWatchTime = input.network !== 'x' && watch !== undefined && videoViews !== undefined;
  const reportsReach = input.network !== 'x';

  // Only the counters each network reports; key order is fixed so the output is byte-stable.
  const snapshot: MetricsSnapshot = { capturedAt: new Date(input.capturedAtMs).toISOString(), impressions };
  if (reportsReach) snapshot.reach = Math.round(impressions * (0.62 + 0.2 * random.next()));
  snapshot.engagements = likes + comments + shares + saves + linkClicks + profileClicks;
  snapshot.likes = likes;
  snapshot.comments = comments;
  snapshot.shares = shares;
  if (weights.saves > 0) snapshot.saves = saves;
  if (weights.linkClicks > 0) snapshot.linkClicks = linkClicks;
  if (weights.profileClicks > 0) snapshot.profileClicks = profileClicks;
  if (videoViews !== undefined) snapshot.videoViews = videoViews;
  if (reportsWatchTime && watch) snapshot.watchTimeSeconds = Math.round(videoViews * (watch[0] + (watch[1] - watch[0]) * random.next()));
  return snapshot;
}
