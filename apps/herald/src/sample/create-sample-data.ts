import type { Mention, MetricsSnapshot, Network, Post } from '@herald/events';

import { AUTHORS_BY_LANGUAGE, COMPANY_SIZES, HANDLES, NAMES, REVIEWER_ROLES } from './authors.ts';
import { MENTION_TEXTS, type MentionEntry, type MentionText, type MentionTopic } from './mention-texts.ts';
import { createNetworkIds, type NetworkIds } from './network-ids.ts';
import { createPostMetrics } from './post-metrics.ts';
import { ALWAYS_ON_POSTS, LAUNCH_POSTS, OUTAGE_POSTS, WEBINAR_EPISODES, type PostText, type SampleNetwork } from './post-texts.ts';
import { DAY_MS, HISTORY_DAYS, HOUR_MS, MINUTE_MS, planStory, type StoryPlan } from './sample-story.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/** A post as the ingestion API's batch takes it: the post's fields and, optionally, one metrics snapshot. */
export type PostItem = Post & { metrics?: MetricsSnapshot };
/** A mention as the ingestion API's batch takes it. */
export type MentionItem = Mention;

export interface SampleData {
  workspaceId: 'demo';
  posts: PostItem[];
  mentions: MentionItem[];
}

export interface CreateSampleDataOptions {
  /** The end of the history; every date in the sample is placed relative to it. */
  now: Date;
  seed?: number;
}

export const DEFAULT_SAMPLE_SEED = 20_250_301;

export const SAMPLE_CAMPAIGNS = {
  launch: 'Lumen 3.0 launch',
  webinars: 'Plan Better webinar series',
  alwaysOn: 'Always-on: Lumen tips',
} as const;

const UTM_CAMPAIGN: Record<PostRole, string> = { launch: 'lumen-3-0', webinar: 'plan-better', 'always-on': 'always-on', incident: 'incident' };
const PROFILE_ID: Record<SampleNetwork, string> = { x: 'lumenhq', linkedin: 'urn:li:organization:10487632', instagram: 'lumen.app', tiktok: 'lumenhq' };
const BRAND_HANDLE: Record<SampleNetwork | 'other', string> = { x: '@lumenhq', linkedin: 'Lumen', instagram: '@lumen.app', tiktok: '@lumenhq', other: 'Lumen' };
/** The team schedules from New York; TikTok's export carries no time zone. */
const SOURCE_TIME_ZONE: Partial<Record<SampleNetwork, string>> = { x: 'America/New_York', linkedin: 'America/New_York', instagram: 'America/New_York' };

type PostRole = 'launch' | 'webinar' | 'always-on' | 'incident';

interface PlannedPost {
  text: PostText;
  atMs: number;
  role: PostRole;
}

interface GeneratedPost {
  item: PostItem;
  role: PostRole;
  atMs: number;
}

/**
 * The bundled demo data: four months of Lumen's social team (a fictional project-management SaaS)
 * posting on X, LinkedIn, Instagram and TikTok, and what people said back. The same `now` and seed
 * always give the same bytes; another `now` moves the whole story with it.
 */
export function createSampleData(options: CreateSampleDataOptions): SampleData {
  const seed = options.seed ?? DEFAULT_SAMPLE_SEED;
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('createSampleData: now is not a valid date');
  const plan = planStory(options.now);
  // Separate streams, so rewording a mention does not reshuffle the posts.
  const stream = (n: number) => createSeededRandom((seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);

  const planned = planPosts(plan, stream(1)).filter((p) => p.atMs <= nowMs);
  const posts = buildPosts(planned, plan, nowMs, stream(2), createNetworkIds(stream(3)));
  const mentions = generateMentions({ plan, nowMs, posts, random: stream(4), ids: createNetworkIds(stream(5)) });
  return { workspaceId: 'demo', posts: posts.map((p) => p.item), mentions };
}

// ---------------------------------------------------------------- posts

function planPosts(plan: StoryPlan, random: SeededRandom): PlannedPost[] {
  const at = (daysAgo: number, hour: number, minute = 0) => plan.todayMs - daysAgo * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  const planned: PlannedPost[] = [];
  for (const text of LAUNCH_POSTS) planned.push({ text, role: 'launch', atMs: at(plan.launchDaysAgo - text.day, text.hour, text.minute) });
  WEBINAR_EPISODES.forEach((episode, index) => {
    const webinarDaysAgo = plan.webinarDaysAgo[index] ?? 0;
    for (const text of episode.posts) planned.push({ text, role: 'webinar', atMs: at(webinarDaysAgo - text.day, text.hour, text.minute) });
  });
  for (const text of OUTAGE_POSTS) planned.push({ text, role: 'incident', atMs: plan.outageStartMs + text.minutesAfterStart * MINUTE_MS });

  // The always-on series fills each week up to 3–6 posts, a little more as the account grows.
  // Around the outage the team paused it: those days carry only the status updates.
  const series = createDeck(random, ALWAYS_ON_POSTS);
  for (let week = 0; week * 7 < HISTORY_DAYS; week++) {
    const days = Array.from({ length: 7 }, (_, i) => week * 7 + i).filter((d) => d < HISTORY_DAYS);
    const campaignPosts = planned.filter((p) => p.role !== 'incident' && days.includes(daysAgoOf(plan, p.atMs))).length;
    const activeShare = days.filter((d) => !plan.isWeakDay(d)).length / 7;
    const wanted = Math.round((week < 4 ? random.int(4, 6) : random.int(3, 5)) * activeShare) - campaignPosts;
    const used = new Set<number>();
    for (let slot = 0; slot < wanted; slot++) {
      const text = series();
      const weekendFriendly = text.network === 'instagram' || text.network === 'tiktok';
      const open = days.filter((d) => !used.has(d) && !plan.isWeakDay(d) && (weekendFriendly || !isWeekend(plan.todayMs - d * DAY_MS)));
      if (open.length === 0) break;
      const daysAgo = random.pick(open);
      used.add(daysAgo);
      const hour = random.weighted<number>([
        [13, 22],
        [14, 20],
        [15, 14],
        [16, 8],
        [17, 9],
        [11, 7],
        [19, 8],
        [21, 6],
        [23, 4],
        [1, 2],
      ]);
      planned.push({ text, role: 'always-on', atMs: at(daysAgo, hour, random.pick([0, 0, 0, 15, 30, 30, 45])) });
    }
  }
  return planned.sort((a, b) => a.atMs - b.atMs);
}

function buildPosts(planned: PlannedPost[], plan: StoryPlan, nowMs: number, random: SeededRandom, ids: NetworkIds): GeneratedPost[] {
  const launchDayMs = plan.todayMs - plan.launchDaysAgo * DAY_MS;
  return planned.map(({ text, atMs, role }) => {
    const networkPostId = postId(ids, text.network, atMs);
    const daysAgo = (plan.todayMs - atMs) / DAY_MS; // fractional: the account grows day by day
    const metrics = createPostMetrics(random, {
      network: text.network,
      contentType: text.contentType,
      hasLink: text.link !== undefined,
      publishedAtMs: atMs,
      capturedAtMs: Math.min(atMs + 2 * DAY_MS, nowMs),
      daysAgo,
      // Paid promotion and press carry the launch itself more than its teasers.
      campaignBoost: role !== 'launch' ? 1 : atMs >= launchDayMs ? 1.8 : 1.2,
      weak: role !== 'incident' && plan.isWeakDay(daysAgoOf(plan, atMs)),
      incident: role === 'incident',
    });
    const zone = SOURCE_TIME_ZONE[text.network];
    const campaign = campaignOf(role);
    // Optional fields are left out rather than set to undefined; the key order stays fixed.
    const item: PostItem = {
      network: text.network,
      networkPostId,
      profileId: PROFILE_ID[text.network],
      publishedAt: new Date(atMs).toISOString(),
      ...(zone ? { sourceTimeZone: zone } : {}),
      text: text.text,
      ...(text.link ? { link: withUtm(text.link, text.network, UTM_CAMPAIGN[role]) } : {}),
      contentType: text.contentType,
      tags: [...text.tags],
      ...(campaign ? { campaign } : {}),
      metrics,
    };
    return { item, role, atMs };
  });
}

function postId(ids: NetworkIds, network: SampleNetwork, atMs: number): string {
  switch (network) {
    case 'x':
      return ids.x(atMs);
    case 'linkedin':
      return ids.linkedin('share', atMs);
    case 'instagram':
      return ids.instagram('media');
    case 'tiktok':
      return ids.tiktok(atMs);
  }
}

function campaignOf(role: PostRole): string | undefined {
  if (role === 'launch') return SAMPLE_CAMPAIGNS.launch;
  if (role === 'webinar') return SAMPLE_CAMPAIGNS.webinars;
  if (role === 'always-on') return SAMPLE_CAMPAIGNS.alwaysOn;
  return undefined;
}

function withUtm(link: string, network: SampleNetwork, campaign: string): string {
  if (!link.startsWith('https://lumen.app/')) return link;
  return `${link}?utm_source=${network}&utm_medium=social&utm_campaign=${campaign}`;
}

const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

/** Whole days between the UTC day of `ms` and today's: 0 for any time today, 1 for yesterday. */
const daysAgoOf = (plan: StoryPlan, ms: number) => Math.max(0, -Math.floor((ms - plan.todayMs) / DAY_MS));

// ---------------------------------------------------------------- mentions

type Weights<T> = readonly (readonly [T, number])[];

/** What people write about on an ordinary day. */
const EVERYDAY_TOPICS: Weights<MentionTopic> = [
  ['sales', 12],
  ['support', 17],
  ['feature', 11],
  ['praise', 16],
  ['complaint', 9],
  ['chatter', 12],
  ['competitor', 17],
  ['review', 4],
];
/** What people write under a post, by the post's role. */
const COMMENT_TOPICS: Record<PostRole | 'teaser' | 'webinar-invite', Weights<MentionTopic>> = {
  teaser: [
    ['reaction', 40],
    ['chatter', 25],
    ['feature', 20],
    ['praise', 15],
  ],
  'webinar-invite': [
    ['webinar-signup', 60],
    ['reaction', 20],
    ['chatter', 20],
  ],
  launch: [
    ['launch', 55],
    ['praise', 12],
    ['feature', 10],
    ['reaction', 13],
    ['support', 5],
    ['complaint', 5],
  ],
  webinar: [
    ['webinar', 60],
    ['reaction', 20],
    ['chatter', 10],
    ['feature', 10],
  ],
  'always-on': [
    ['reaction', 45],
    ['praise', 14],
    ['feature', 12],
    ['support', 9],
    ['complaint', 8],
    ['chatter', 12],
  ],
  incident: [['outage', 1]],
};
const PUBLIC_NETWORKS: Weights<SampleNetwork> = [
  ['x', 45],
  ['linkedin', 22],
  ['instagram', 18],
  ['tiktok', 15],
];
const TOPIC_NETWORKS: Partial<Record<MentionTopic, Weights<SampleNetwork>>> = {
  sales: [
    ['x', 40],
    ['linkedin', 45],
    ['instagram', 15],
  ],
  competitor: [
    ['x', 60],
    ['linkedin', 25],
    ['tiktok', 15],
  ],
  outage: [
    ['x', 78],
    ['linkedin', 14],
    ['instagram', 8],
  ],
  recovery: [
    ['x', 70],
    ['linkedin', 30],
  ],
};
/** Share of each topic sent as a direct message rather than in public. */
const DIRECT_MESSAGE_SHARE: Partial<Record<MentionTopic, number>> = { sales: 0.45, support: 0.35, complaint: 0.1, outage: 0.1 };
/** Share of each topic the team answers; nobody answers a post about a competitor. */
const REPLY_RATE: Record<MentionTopic, number> = {
  sales: 0.85,
  support: 0.8,
  feature: 0.5,
  praise: 0.35,
  complaint: 0.6,
  chatter: 0.25,
  competitor: 0,
  reaction: 0.2,
  launch: 0.45,
  webinar: 0.6,
  'webinar-signup': 0.7,
  outage: 0.55,
  recovery: 0.6,
  review: 0.6,
};
/** People post around the clock but mostly in the European afternoon and the American day (UTC hours). */
const HOUR_WEIGHTS: Weights<number> = [2, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 9, 9, 8, 7, 6, 5, 4, 3, 3].map((w, hour) => [hour, w] as const);

interface MentionContext {
  plan: StoryPlan;
  nowMs: number;
  posts: GeneratedPost[];
  random: SeededRandom;
  ids: NetworkIds;
}

interface MentionRequest {
  topic: MentionTopic;
  atMs: number;
  replyTo?: GeneratedPost;
}

function generateMentions(ctx: MentionContext): MentionItem[] {
  const { plan, random } = ctx;
  const decks = new Map<MentionTopic, () => MentionText>();
  const draw = (topic: MentionTopic, allowReview: boolean): MentionText => {
    let deck = decks.get(topic);
    if (!deck) {
      const entries = MENTION_TEXTS[topic].map((e: MentionEntry): MentionText => (typeof e === 'string' ? { text: e } : e));
      deck = createDeck(random, entries);
      decks.set(topic, deck);
    }
    for (let tries = 0; tries < 50; tries++) {
      const entry = deck();
      if (allowReview || entry.kind !== 'review') return entry;
    }
    throw new Error(`no usable mention text for topic ${topic}`);
  };

  const requests: MentionRequest[] = [];
  const dayStart = (daysAgo: number) => plan.todayMs - daysAgo * DAY_MS;
  const someTimeOn = (daysAgo: number, fromHour = 0) => {
    const hour = random.weighted(HOUR_WEIGHTS.filter(([h]) => h >= fromHour));
    return dayStart(daysAgo) + hour * HOUR_MS + random.int(0, 59) * MINUTE_MS + random.int(0, 59) * 1000;
  };

  // An ordinary day: a trickle that grows with the account, plus a tail of launch talk.
  for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const sinceLaunch = plan.launchDaysAgo - daysAgo;
    const topics = sinceLaunch > 0 && sinceLaunch <= 14 ? [...EVERYDAY_TOPICS, ['launch', 10] as const] : EVERYDAY_TOPICS;
    const count = random.poisson(1.25 + 0.75 * (1 - daysAgo / HISTORY_DAYS));
    for (let i = 0; i < count; i++) requests.push({ topic: random.weighted(topics), atMs: someTimeOn(daysAgo) });
  }

  // Comments under the posts, more under the posts that did well.
  const launchDayMs = dayStart(plan.launchDaysAgo);
  const webinarDaysMs = plan.webinarDaysAgo.map(dayStart);
  const commentTopicsOf = (post: GeneratedPost) => {
    if (post.role === 'launch' && post.atMs < launchDayMs) return COMMENT_TOPICS.teaser;
    if (post.role === 'webinar' && !webinarDaysMs.some((day) => post.atMs >= day && post.atMs < day + 4 * DAY_MS)) return COMMENT_TOPICS['webinar-invite'];
    return COMMENT_TOPICS[post.role];
  };
  for (const post of ctx.posts) {
    if (post.role === 'incident') continue;
    const reported = post.item.metrics?.comments ?? 0;
    const count = Math.min(reported, random.poisson(Math.min(4, 0.3 + reported * 0.03) * (post.role === 'launch' ? 1.5 : 1)));
    const live = post.item.contentType === 'live';
    for (let i = 0; i < count; i++) {
      const delay = live ? random.int(2, 50) * MINUTE_MS : Math.min(96 * HOUR_MS, random.logNormal(2.5, 1) * HOUR_MS);
      requests.push({ topic: random.weighted(commentTopicsOf(post)), atMs: post.atMs + Math.round(delay), replyTo: post });
    }
  }

  // Launch day and the three days after: everyone has an opinion about 3.0.
  [20, 9, 5, 3].forEach((count, offset) => {
    for (let i = 0; i < count; i++) {
      requests.push({ topic: 'launch', atMs: someTimeOn(plan.launchDaysAgo - offset, offset === 0 ? 13 : 0) });
    }
  });

  // The outage: a burst of angry mentions while it lasts, replies under the status updates, relief the day after.
  const window = plan.outageEndMs + 30 * MINUTE_MS - plan.outageStartMs;
  for (let i = 0; i < 30; i++) {
    const atMs = plan.outageStartMs + 4 * MINUTE_MS + Math.round(window * random.next() ** 1.3);
    requests.push({
      topic: random.weighted<MentionTopic>([
        ['outage', 90],
        ['support', 10],
      ]),
      atMs,
    });
  }
  for (const post of ctx.posts.filter((p) => p.role === 'incident')) {
    const duringOutage = post.atMs < plan.outageEndMs + HOUR_MS;
    const count = duringOutage ? random.poisson(5) : random.poisson(3);
    for (let i = 0; i < count; i++) {
      const atMs = post.atMs + random.int(2, duringOutage ? 55 : 300) * MINUTE_MS;
      requests.push({ topic: duringOutage ? random.weighted(COMMENT_TOPICS.incident) : 'recovery', atMs, replyTo: post });
    }
  }
  for (let i = 0; i < 7; i++) requests.push({ topic: 'recovery', atMs: someTimeOn(plan.outageDaysAgo - 1, 12) });

  const mentions: MentionItem[] = [];
  for (const request of requests) {
    const entry = draw(request.topic, request.replyTo === undefined);
    // "3 hours now" cannot be written ten minutes in.
    const earliestMs = entry.outageMinutes === undefined ? 0 : plan.outageStartMs + (entry.outageMinutes + random.int(0, 25)) * MINUTE_MS;
    // Networks report whole seconds.
    const atMs = Math.round(Math.max(request.atMs, earliestMs) / 1000) * 1000;
    if (atMs > ctx.nowMs) continue;
    mentions.push(buildMention(ctx, { ...request, atMs }, entry));
  }
  const key = (m: MentionItem) => `${m.occurredAt} ${String(m.network)} ${m.networkMentionId}`;
  return mentions.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function buildMention(ctx: MentionContext, request: MentionRequest, entry: MentionText): MentionItem {
  const { random, ids } = ctx;
  const { topic, atMs, replyTo } = request;
  const kind: Mention['kind'] = replyTo
    ? 'comment'
    : (entry.kind ?? (topic === 'review' ? 'review' : random.chance(DIRECT_MESSAGE_SHARE[topic] ?? 0) ? 'direct_message' : 'mention'));

  let network: Network;
  if (kind === 'review') network = 'other';
  else if (replyTo) network = replyTo.item.network;
  else if (kind === 'direct_message')
    network = random.weighted<SampleNetwork>([
      ['x', 40],
      ['linkedin', 35],
      ['instagram', 25],
    ]);
  else network = random.weighted(TOPIC_NETWORKS[topic] ?? PUBLIC_NETWORKS);
  const brand = network === 'x' || network === 'linkedin' || network === 'instagram' || network === 'tiktok' ? network : 'other';

  let text = entry.text.replaceAll('@lumenhq', BRAND_HANDLE[brand]);
  // A public post on X reaches the team when it tags the account; listening catches the rest by keyword.
  if (network === 'x' && kind === 'mention' && topic !== 'competitor' && !text.includes('@') && random.chance(0.5)) text = `@lumenhq ${text}`;

  const networkMentionId = mentionId({ ids, random, network, kind, atMs, replyTo });
  const author = authorFor(random, brand, entry.language);
  const repliedAtMs = replyTimeFor(ctx, topic, kind, atMs);
  // X tells the language of a post; the other sources leave it to language detection.
  const language = network === 'x' ? (entry.language ?? 'en') : undefined;
  return {
    network,
    networkMentionId,
    kind,
    author,
    text,
    ...(language ? { language } : {}),
    occurredAt: new Date(atMs).toISOString(),
    ...(replyTo ? { inReplyToPostId: replyTo.item.networkPostId } : {}),
    ...(repliedAtMs !== undefined && repliedAtMs <= ctx.nowMs ? { repliedAt: new Date(repliedAtMs).toISOString() } : {}),
  };
}

function mentionId(input: {
  ids: NetworkIds;
  random: SeededRandom;
  network: Network;
  kind: Mention['kind'];
  atMs: number;
  replyTo?: GeneratedPost | undefined;
}): string {
  const { ids, network, kind, atMs, replyTo } = input;
  if (network === 'x') return ids.x(atMs);
  if (network === 'linkedin') {
    if (replyTo) return ids.linkedinComment(replyTo.item.networkPostId, atMs);
    return ids.linkedin(kind === 'direct_message' ? 'message' : 'activity', atMs);
  }
  if (network === 'instagram') return ids.instagram(kind === 'direct_message' ? 'message' : replyTo ? 'comment' : 'media');
  if (network === 'tiktok') return ids.tiktok(atMs);
  return ids.review(input.random.chance(0.35) ? 'capterra' : 'g2');
}

function authorFor(random: SeededRandom, network: SampleNetwork | 'other', language?: 'es' | 'fr' | 'de'): string {
  if (network === 'other') return `Verified reviewer, ${random.pick(REVIEWER_ROLES)} (${random.pick(COMPANY_SIZES)})`;
  const pool = language ? AUTHORS_BY_LANGUAGE[language] : { handles: HANDLES, names: NAMES };
  if (network === 'linkedin') return skewedPick(random, pool.names);
  const handle = skewedPick(random, pool.handles);
  return network === 'instagram' ? handle : `@${handle}`;
}

/** A few regulars write often, most people once: favour the start of the list. */
function skewedPick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[Math.floor(items.length * random.next() ** 1.7)] as T;
}

/** When the team answered, if it did. Answers got faster over the last month; nights wait for New York's morning. */
function replyTimeFor(ctx: MentionContext, topic: MentionTopic, kind: Mention['kind'], atMs: number): number | undefined {
  const { random, plan } = ctx;
  const rate = kind === 'direct_message' ? Math.max(REPLY_RATE[topic], 0.9) : REPLY_RATE[topic];
  if (!random.chance(rate)) return undefined;
  const seconds = (ms: number) => Math.round(ms / 1000) * 1000;
  if (kind === 'review') return seconds(atMs + random.logNormal(30, 0.5) * HOUR_MS);
  if (topic === 'outage') return seconds(atMs + Math.max(4, random.logNormal(45, 0.7)) * MINUTE_MS);
  const recent = plan.todayMs - atMs < 30 * DAY_MS;
  const medianHours = (recent ? 1.6 : 3.2) * (kind === 'direct_message' ? 0.6 : 1);
  let startMs = atMs;
  const hour = new Date(atMs).getUTCHours();
  if (hour >= 3 && hour < 12) startMs = Math.floor(atMs / DAY_MS) * DAY_MS + 12 * HOUR_MS;
  return seconds(startMs + Math.max(4 * MINUTE_MS, random.logNormal(medianHours, 0.8) * HOUR_MS));
}

/** Deals items in a seeded order and reshuffles when the pile runs out, so texts repeat as rarely as possible. */
function createDeck<T>(random: SeededRandom, items: readonly T[]): () => T {
  let pile: T[] = [];
  return () => {
    if (pile.length === 0) pile = random.shuffle(items);
    return pile.pop() as T;
  };
}
