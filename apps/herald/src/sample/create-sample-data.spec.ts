import { MentionSchema, MetricsSnapshotSchema, PostSchema } from '@herald/events';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';

import { createSampleData, DEFAULT_SAMPLE_SEED, describeSampleStory, SAMPLE_CAMPAIGNS, type PostItem } from './index.ts';
import { MENTION_TEXTS, type MentionTopic } from './mention-texts.ts';

// The batch item shapes of the ingestion API: a post with an optional snapshot, a mention as is.
const PostItemSchema = Type.Object({ ...PostSchema.properties, metrics: Type.Optional(MetricsSnapshotSchema) }, { additionalProperties: false });
const postValidator = Compile(PostItemSchema);
const mentionValidator = Compile(MentionSchema);

const DAY = 86_400_000;
const NOW = new Date('2025-06-15T15:30:00.000Z');
const ms = (iso: string) => Date.parse(iso);
const rate = (p: PostItem) => (p.metrics?.engagements ?? 0) / (p.metrics?.impressions ?? 1);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const textsOf = (topic: MentionTopic) => MENTION_TEXTS[topic].map((e) => (typeof e === 'string' ? e : e.text));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether a generated text came from one of the topics (the brand handle differs per network, X may prefix it). */
function isAbout(text: string, topics: MentionTopic[]): boolean {
  return topics.some((topic) =>
    textsOf(topic).some((entry) => new RegExp(`^(@lumenhq )?${escape(entry).replaceAll('@lumenhq', '(@lumenhq|@lumen\\.app|Lumen)')}$`).test(text)),
  );
}

/** Mentions per UTC day over the whole history, days without any included. */
function dailyCounts(occurredAt: string[], now: Date): number[] {
  const today = Math.floor(now.getTime() / DAY);
  const counts = new Array<number>(120).fill(0);
  for (const iso of occurredAt) {
    const daysAgo = today - Math.floor(ms(iso) / DAY);
    if (daysAgo >= 0 && daysAgo < 120) counts[daysAgo] = (counts[daysAgo] ?? 0) + 1;
  }
  return counts;
}

const cases = [
  { now: NOW, seed: DEFAULT_SAMPLE_SEED },
  { now: new Date('2026-02-28T23:59:00.000Z'), seed: 7 },
  { now: new Date('2030-07-04T08:00:00.000Z'), seed: 123_456 },
];

describe.each(cases)('createSampleData (now $now, seed $seed)', ({ now, seed }) => {
  const sample = createSampleData({ now, seed });
  const story = describeSampleStory(now);

  it('produces only items the ingestion API accepts', () => {
    const badPosts = sample.posts.filter((p) => !postValidator.Check(p)).map((p) => ({ p, errors: [...postValidator.Errors(p)] }));
    const badMentions = sample.mentions.filter((m) => !mentionValidator.Check(m)).map((m) => ({ m, errors: [...mentionValidator.Errors(m)] }));
    expect(badPosts).toEqual([]);
    expect(badMentions).toEqual([]);
    expect(sample.workspaceId).toBe('demo');
  });

  it('covers about 120 days ending at now, at 3–6 posts a week and about 400 mentions', () => {
    const times = [...sample.posts.map((p) => ms(p.publishedAt)), ...sample.mentions.map((m) => ms(m.occurredAt))];
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 120 * DAY);
    expect(sample.posts.length).toBeGreaterThanOrEqual(3 * 17);
    expect(sample.posts.length).toBeLessThanOrEqual(6 * 17 + 10);
    expect(sample.mentions.length).toBeGreaterThanOrEqual(320);
    expect(sample.mentions.length).toBeLessThanOrEqual(480);
  });

  it('never repeats a (network, id) pair', () => {
    const postKeys = sample.posts.map((p) => `${String(p.network)}|${p.networkPostId}`);
    const mentionKeys = sample.mentions.map((m) => `${String(m.network)}|${m.networkMentionId}`);
    expect(new Set(postKeys).size).toBe(postKeys.length);
    expect(new Set(mentionKeys).size).toBe(mentionKeys.length);
  });

  it('uses network-style ids: 19-digit X ids, prefixed ids elsewhere', () => {
    for (const id of [...sample.posts, ...sample.mentions]
      .filter((i) => i.network === 'x')
      .map((i) => ('networkPostId' in i ? i.networkPostId : i.networkMentionId))) {
      expect(id).toMatch(/^\d{19}$/);
    }
    for (const p of sample.posts.filter((i) => i.network !== 'x')) expect(p.networkPostId).toMatch(/^(urn:li:share:\d+|ig_\d{17}|tt_\d{19})$/);
  });

  it('answers replies to posts that exist, on the same network, after they were published', () => {
    const posts = new Map(sample.posts.map((p) => [`${String(p.network)}|${p.networkPostId}`, p]));
    const replies = sample.mentions.filter((m) => m.inReplyToPostId !== undefined);
    expect(replies.length).toBeGreaterThan(80);
    for (const reply of replies) {
      const post = posts.get(`${String(reply.network)}|${reply.inReplyToPostId}`);
      expect(post, `post ${reply.inReplyToPostId} of ${reply.networkMentionId}`).toBeDefined();
      expect(ms(reply.occurredAt)).toBeGreaterThan(ms(post?.publishedAt ?? ''));
    }
  });

  it('records team answers after the mention and no later than now, on part of the mentions', () => {
    const answered = sample.mentions.filter((m) => m.repliedAt !== undefined);
    expect(answered.length / sample.mentions.length).toBeGreaterThan(0.3);
    expect(answered.length / sample.mentions.length).toBeLessThan(0.8);
    for (const m of answered) {
      expect(ms(m.repliedAt ?? '')).toBeGreaterThan(ms(m.occurredAt));
      expect(ms(m.repliedAt ?? '')).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('captures one metrics snapshot per post, two days after publishing or at now', () => {
    for (const p of sample.posts) {
      expect(p.metrics?.capturedAt).toBe(new Date(Math.min(ms(p.publishedAt) + 2 * DAY, now.getTime())).toISOString());
    }
  });

  it('runs three campaigns across four networks and every content type the brief needs', () => {
    expect(new Set(sample.posts.map((p) => p.campaign).filter(Boolean))).toEqual(new Set(Object.values(SAMPLE_CAMPAIGNS)));
    expect(new Set(sample.posts.map((p) => p.network))).toEqual(new Set(['x', 'linkedin', 'instagram', 'tiktok']));
    const types = new Set(sample.posts.map((p) => p.contentType));
    for (const type of ['text', 'image', 'video', 'carousel', 'reel', 'link', 'live']) expect(types).toContain(type);
    expect(sample.posts.filter((p) => p.sourceTimeZone === 'America/New_York').length).toBeGreaterThan(0);
  });

  it('bursts around the Lumen 3.0 launch: a dozen-plus campaign posts and five times the usual mentions', () => {
    const launch = story.launchDay.getTime();
    const launchPosts = sample.posts.filter((p) => p.campaign === SAMPLE_CAMPAIGNS.launch && Math.abs(ms(p.publishedAt) - launch) <= 10 * DAY);
    expect(launchPosts.length).toBeGreaterThanOrEqual(15);
    expect(Math.abs(launch - now.getTime()) / DAY).toBeGreaterThanOrEqual(22);
    expect(Math.abs(launch - now.getTime()) / DAY).toBeLessThanOrEqual(30);
    const usualDay = median(
      dailyCounts(
        sample.mentions.map((m) => m.occurredAt),
        now,
      ),
    );
    const launchDay = sample.mentions.filter((m) => ms(m.occurredAt) >= launch && ms(m.occurredAt) < launch + DAY).length;
    expect(launchDay).toBeGreaterThanOrEqual(5 * usualDay);
    expect(launchDay).toBeGreaterThanOrEqual(25);
  });

  it('spikes during the outage about 10 days ago: thirty-plus mentions in a few hours, most of them unhappy', () => {
    const start = story.outageStart.getTime();
    expect((now.getTime() - start) / DAY).toBeGreaterThan(7);
    expect((now.getTime() - start) / DAY).toBeLessThan(13);
    const during = sample.mentions.filter((m) => ms(m.occurredAt) >= start && ms(m.occurredAt) <= story.outageEnd.getTime() + 90 * 60_000);
    expect(during.length).toBeGreaterThanOrEqual(30);
    expect(during.filter((m) => isAbout(m.text, ['outage', 'support', 'complaint'])).length / during.length).toBeGreaterThan(0.75);
    const usualDay = median(
      dailyCounts(
        sample.mentions.map((m) => m.occurredAt),
        now,
      ),
    );
    expect(during.length).toBeGreaterThanOrEqual(8 * usualDay);
  });

  it('shows what works: carousels and short video beat links, LinkedIn reaches fewer than X, video posts report views', () => {
    const byType = (...types: string[]) => sample.posts.filter((p) => types.includes(String(p.contentType))).map(rate);
    expect(mean(byType('carousel'))).toBeGreaterThan(2 * mean(byType('link')));
    expect(mean(byType('reel', 'video'))).toBeGreaterThan(2 * mean(byType('link')));
    const impressions = (network: string) => sample.posts.filter((p) => p.network === network).map((p) => p.metrics?.impressions ?? 0);
    expect(median(impressions('linkedin'))).toBeLessThan(median(impressions('x')));
    for (const p of sample.posts.filter((i) => ['video', 'reel', 'live'].includes(String(i.contentType)))) expect(p.metrics?.videoViews).toBeDefined();
    for (const p of sample.posts.filter((i) => (i.metrics?.impressions ?? 0) >= 500)) {
      expect(rate(p)).toBeGreaterThanOrEqual(0.01);
      expect(rate(p)).toBeLessThanOrEqual(0.08);
    }
  });

  it('grows: the last 30 days beat the 30 before on impressions and engagements', () => {
    const window = (fromDaysAgo: number, toDaysAgo: number) =>
      sample.posts.filter((p) => ms(p.publishedAt) > now.getTime() - toDaysAgo * DAY && ms(p.publishedAt) <= now.getTime() - fromDaysAgo * DAY);
    const total = (posts: PostItem[], key: 'impressions' | 'engagements') => posts.reduce((sum, p) => sum + (p.metrics?.[key] ?? 0), 0);
    expect(total(window(0, 30), 'impressions')).toBeGreaterThan(total(window(30, 60), 'impressions'));
    expect(total(window(0, 30), 'engagements')).toBeGreaterThan(total(window(30, 60), 'engagements'));
  });

  it('talks about the competitors and speaks a few languages', () => {
    expect(sample.mentions.filter((m) => /taskly/i.test(m.text)).length).toBeGreaterThanOrEqual(10);
    expect(sample.mentions.filter((m) => /boardwise/i.test(m.text)).length).toBeGreaterThanOrEqual(10);
    const foreign = Object.values(MENTION_TEXTS).flatMap((entries) => entries.flatMap((e) => (typeof e !== 'string' && e.language ? [e.text] : [])));
    expect(sample.mentions.filter((m) => foreign.includes(m.text)).length).toBeGreaterThanOrEqual(6);
    const kinds = new Set(sample.mentions.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['mention', 'comment', 'direct_message', 'review']));
  });

  it('never posts the same text twice', () => {
    expect(new Set(sample.posts.map((p) => p.text)).size).toBe(sample.posts.length);
  });

  it('keeps X posts within 280 characters', () => {
    for (const p of sample.posts.filter((i) => i.network === 'x')) expect([...p.text].length).toBeLessThanOrEqual(280);
  });
});

describe('createSampleData determinism', () => {
  it('gives byte-identical output for the same now and seed', () => {
    expect(JSON.stringify(createSampleData({ now: NOW }))).toBe(JSON.stringify(createSampleData({ now: new Date(NOW.getTime()) })));
    expect(JSON.stringify(createSampleData({ now: NOW, seed: 9 }))).toBe(JSON.stringify(createSampleData({ now: NOW, seed: 9 })));
  });

  it('gives different data for another seed', () => {
    expect(JSON.stringify(createSampleData({ now: NOW, seed: 9 }))).not.toBe(JSON.stringify(createSampleData({ now: NOW })));
  });

  it('moves every date by as much as now moved (whole weeks keep the weekdays)', () => {
    const shift = 21 * DAY;
    const before = createSampleData({ now: NOW });
    const after = createSampleData({ now: new Date(NOW.getTime() + shift) });
    const times = (s: typeof before) => [
      ...s.posts.flatMap((p) => [p.publishedAt, p.metrics?.capturedAt ?? '']),
      ...s.mentions.flatMap((m) => [m.occurredAt, m.repliedAt ?? '']),
    ];
    const shifted = times(before).map((iso) => (iso === '' ? '' : new Date(ms(iso) + shift).toISOString()));
    expect(times(after)).toEqual(shifted);
    expect(after.posts.map((p) => p.text)).toEqual(before.posts.map((p) => p.text));
    expect(after.mentions.map((m) => m.text)).toEqual(before.mentions.map((m) => m.text));
  });

  it('rejects an invalid date', () => {
    expect(() => createSampleData({ now: new Date('not a date') })).toThrowError(/now is not a valid date/);
  });
});

describe('sample texts', () => {
  it('has at least 150 distinct hand-written mention texts', () => {
    const texts = Object.values(MENTION_TEXTS).flatMap((entries) => entries.map((e) => (typeof e === 'string' ? e : e.text)));
    expect(new Set(texts).size).toBeGreaterThanOrEqual(150);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('includes texts in Spanish, French and German', () => {
    const languages = Object.values(MENTION_TEXTS).flatMap((entries) => entries.flatMap((e) => (typeof e !== 'string' && e.language ? [e.language] : [])));
    expect(new Set(languages)).toEqual(new Set(['es', 'fr', 'de']));
  });

  it('recognises its own texts (guards the outage assertion above)', () => {
    expect(isAbout('Lumen everything is 502 for us. whole company is blocked', ['outage'])).toBe(true);
    expect(isAbout("@lumenhq is lumen down?? can't load anything", ['outage'])).toBe(true);
    expect(isAbout('saving this 🔖', ['outage'])).toBe(false);
  });
});
