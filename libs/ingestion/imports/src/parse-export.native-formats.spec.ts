import { createReadStream } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { ImportRecord } from './import-record.ts';
import { parseExport } from './parse-export.ts';
import type { HeaderInfo, ParseExportOptions } from './parse-options.ts';
import { collect, fixture, ofKind } from './testing/import-test-kit.ts';

const CAPTURED_AT = '2026-01-01T00:00:00Z';
const read = (name: string, options: ParseExportOptions = {}): Promise<ImportRecord[]> =>
  collect(parseExport(createReadStream(fixture(name)), { capturedAt: CAPTURED_AT, ...options }));
const posts = async (name: string, options: ParseExportOptions = {}) => ofKind(await read(name, options), 'post');

describe('X account analytics content export (v2)', () => {
  it('takes the minute from the post id when the Date column gives only the day', async () => {
    const [launch, quoted, plain] = await posts('x-account-analytics-content.en.csv');
    expect(launch?.post).toMatchObject({ networkPostId: '1867955232437202945', publishedAt: '2024-12-14T15:30:07+00:00' });
    expect(quoted?.post.publishedAt).toBe('2024-12-13T23:50:00+00:00');
    expect(plain?.post.publishedAt).toBe('2024-12-12T08:00:00+00:00');
  });

  it('reads the renamed metrics: Reposts as shares, Bookmarks as saves, "1,234" as 1234', async () => {
    const [launch, quoted] = await posts('x-account-analytics-content.en.csv');
    expect(launch?.metrics).toEqual({
      capturedAt: '2026-01-01T00:00:00.000Z',
      impressions: 1234,
      likes: 12,
      engagements: 40,
      saves: 3,
      shares: 5,
      comments: 4,
      profileClicks: 6,
      linkClicks: 8,
    });
    expect(quoted?.post.text).toBe('He said "hi"\nthen left, quietly');
    expect(quoted?.metrics?.saves).toBeUndefined();
  });

  it('keeps the Date column when the id disagrees with it', async () => {
    const csv = 'Post id,Date,Post text,Post Link,Impressions\n1867955232437202945,"Mon, Dec 1, 2025",x,https://x.com/a/status/1,5\n';
    const [record] = await collect(parseExport([Buffer.from(csv)], { capturedAt: CAPTURED_AT }));
    expect(record).toMatchObject({ kind: 'post', post: { publishedAt: '2025-12-01T00:00:00+00:00' } });
  });
});

describe('Meta Business Suite Facebook posts export', () => {
  it('reads the English export in the Page’s time zone, keeping its offset', async () => {
    const [photo] = await posts('meta-facebook-posts.en.csv', { timeZone: 'America/New_York', profileId: 'herald-fb' });
    expect(photo?.post).toEqual({
      network: 'facebook',
      networkPostId: '122158000000000001',
      profileId: 'herald-fb',
      publishedAt: '2025-03-27T18:30:00-04:00',
      sourceTimeZone: 'America/New_York',
      text: 'Spring sale, 20% off — this week only 🌷',
      link: 'https://www.facebook.com/61571000000000/posts/122158000000000001',
      contentType: 'image',
      tags: [],
    });
    expect(photo?.metrics).toEqual({
      capturedAt: '2026-01-01T00:00:00.000Z',
      impressions: 5091,
      reach: 2752,
      engagements: 100,
      likes: 79,
      comments: 4,
      shares: 17,
    });
  });

  it('falls back to the title for a reel without a description, and leaves its empty impressions absent', async () => {
    const [, reel, link] = await posts('meta-facebook-posts.en.csv');
    expect(reel?.post).toMatchObject({ text: 'Behind the scenes', contentType: 'reel' });
    expect(reel?.metrics).not.toHaveProperty('impressions');
    expect(reel?.metrics?.watchTimeSeconds).toBe(4521);
    expect(link?.post).toMatchObject({ contentType: 'link', text: 'Read the report:\nhttps://example.com/report' });
    expect(link?.metrics?.linkClicks).toBe(42);
  });

  it.each(['es', 'fr', 'de', 'pt'])('reads the %s export (day-first dates, local names) into the same items as the English one', async (lang) => {
    const english = await posts('meta-facebook-posts.en.csv', { timeZone: 'Europe/Madrid' });
    const local = await posts(`meta-facebook-posts.${lang}.csv`, { timeZone: 'Europe/Madrid' });
    expect(local).toEqual(english);
  });

  it('reports what it recognised before the first record', async () => {
    let info: HeaderInfo | undefined;
    await read('meta-facebook-posts.de.csv', { onHeader: (h) => (info = h) });
    expect(info).toMatchObject({ row: 1, delimiter: ';', encoding: 'utf-8', format: { language: 'de', format: { id: 'meta-facebook-posts', version: 1 } } });
    expect(info?.columns['publishedAt']).toEqual(['Veröffentlichungszeitpunkt']);
  });

  it('accepts a date pattern override for files re-saved with day-first dates', async () => {
    const csv = 'Post ID,Page ID,Publish time,Reach\n1,2,27/03/2025 18:30,10\n';
    const wrong = await collect(parseExport([Buffer.from(csv)], { capturedAt: CAPTURED_AT }));
    expect(wrong[0]).toMatchObject({ kind: 'rejected', field: 'publishedAt', column: 'Publish time' });
    expect(wrong[0]).toHaveProperty('reason', expect.stringContaining('month 27 does not exist'));
    const right = await collect(parseExport([Buffer.from(csv)], { capturedAt: CAPTURED_AT, dateFormat: 'D/M/YYYY H:mm' }));
    expect(right[0]).toMatchObject({ kind: 'post', post: { publishedAt: '2025-03-27T18:30:00+00:00' } });
  });
});

describe('Meta Business Suite Instagram posts export', () => {
  it('reads Views as impressions, Plays as video views and Post type as the content type', async () => {
    const [carousel, reel, image] = await posts('meta-instagram-posts.en.csv');
    expect(carousel?.post).toMatchObject({ network: 'instagram', contentType: 'carousel', publishedAt: '2025-04-02T12:00:00+00:00' });
    expect(reel?.post.contentType).toBe('reel');
    expect(reel?.metrics).toMatchObject({ impressions: 15000, reach: 9800, likes: 410, shares: 120, comments: 20, saves: 55, videoViews: 14200 });
    expect(image?.metrics).not.toHaveProperty('shares');
  });

  it('reads the German export, thousands separators included', async () => {
    const [carousel, reel] = await posts('meta-instagram-posts.de.csv', { timeZone: 'Europe/Vienna' });
    expect(carousel?.post).toMatchObject({ contentType: 'carousel', publishedAt: '2025-09-01T18:00:00+02:00', sourceTimeZone: 'Europe/Vienna' });
    expect(carousel?.metrics).toMatchObject({ impressions: 7100, reach: 5200, likes: 210, saves: 96 });
    expect(reel?.post.contentType).toBe('reel');
  });
});

describe('LinkedIn page content export', () => {
  it('skips the title row, takes ids from the links and times from the activity ids', async () => {
    const records = await read('linkedin-page-content.en.csv');
    expect(records.map((r) => r.row)).toEqual([3, 4, 5]);
    const [hiring, report, slides] = ofKind(records, 'post');
    expect(hiring?.post).toMatchObject({
      network: 'linkedin',
      networkPostId: 'urn:li:activity:7302692292526080000',
      publishedAt: '2025-03-04T14:12:00+00:00',
      contentType: 'image',
    });
    expect(hiring?.metrics).toEqual({ capturedAt: '2026-01-01T00:00:00.000Z', impressions: 2310, linkClicks: 57, likes: 41, comments: 6, shares: 3 });
    expect(report?.post).toMatchObject({ campaign: 'Q1 report launch', contentType: 'video' });
    expect(report?.metrics).toMatchObject({ impressions: 10450, videoViews: 3020 });
    expect(slides?.post.contentType).toBe('carousel');
    expect(slides?.metrics).not.toHaveProperty('comments');
  });
});

describe('TikTok Studio content export', () => {
  it('takes ids from the video links and the minute from the id when Post time is a day', async () => {
    const [deck, fast] = await posts('tiktok-studio-content.en.csv');
    expect(deck?.post).toMatchObject({ networkPostId: '7469852961390384775', publishedAt: '2025-02-10T18:04:33+00:00', contentType: 'video' });
    expect(deck?.metrics).toMatchObject({ videoViews: 18400, likes: 1240, comments: 48, shares: 31, saves: 77 });
    expect(fast?.post.publishedAt).toBe('2025-02-11T20:15:00+00:00');
    expect(fast?.metrics).not.toHaveProperty('saves');
  });
});
