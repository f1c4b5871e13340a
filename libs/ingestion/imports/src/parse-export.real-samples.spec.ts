import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { summarizeImport } from './import-summary.ts';
import { parseExport } from './parse-export.ts';
import { chunked, collect, failure, ofKind, sharedExportsDir } from './testing/import-test-kit.ts';
import { timestampFromId } from './values/id-timestamp.ts';

const exportsDir = sharedExportsDir();
const CAPTURED_AT = '2022-01-03T00:00:00Z';

// Row counts and impression totals as the samples' README states them.
const X_FILES = [
  ['tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv', 37, 103_068],
  ['tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv', 31, 199_256],
  ['tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv', 33, 131_651],
] as const;

describe.skipIf(!exportsDir)('real X tweet activity exports', () => {
  const path = (name: string) => join(exportsDir ?? '', 'x-twitter', name);

  it.each(X_FILES)('parses %s with no rejections, one post and snapshot per tweet', async (name, tweets, impressions) => {
    const records = await collect(parseExport(createReadStream(path(name)), { capturedAt: CAPTURED_AT }));
    const posts = ofKind(records, 'post');
    expect(records).toHaveLength(tweets);
    expect(posts).toHaveLength(tweets);
    expect(posts.reduce((sum, r) => sum + (r.metrics?.impressions ?? 0), 0)).toBe(impressions);
  });

  it.each(X_FILES)('matches every cell of %s as an independent CSV reading gives it', async (name) => {
    const rows = parse(readFileSync(path(name)), { columns: true }) as Record<string, string>[];
    const posts = ofKind(await collect(parseExport(createReadStream(path(name)), { capturedAt: CAPTURED_AT })), 'post');
    posts.forEach((record, i) => {
      const row = rows[i] ?? {};
      expect(record.row).toBe(i + 2);
      expect(record.post).toMatchObject({
        network: 'x',
        networkPostId: row['Tweet id'],
        link: row['Tweet permalink'],
        text: row['Tweet text'],
        publishedAt: `${row['time']?.slice(0, 10)}T${row['time']?.slice(11, 16)}:00+00:00`,
        sourceTimeZone: 'UTC',
        contentType: 'text',
      });
      expect(record.metrics).toEqual({
        capturedAt: '2022-01-03T00:00:00.000Z',
        impressions: Number(row['impressions']),
        engagements: Number(row['engagements']),
        shares: Number(row['retweets']),
        comments: Number(row['replies']),
        likes: Number(row['likes']),
        profileClicks: Number(row['user profile clicks']),
        linkClicks: Number(row['url clicks']),
      });
    });
  });

  it('reads the first tweet of January 2017 as the file writes it', async () => {
    const [first] = await collect(parseExport(createReadStream(path(X_FILES[0][0])), { capturedAt: CAPTURED_AT }));
    // "826144200114663424", …, "2017-01-30 19:05 +0000", "4715.0", "46.0", …, "7.0", "0.0", "5.0", "6.0", "23.0"
    expect(first).toMatchObject({
      row: 2,
      kind: 'post',
      post: { networkPostId: '826144200114663424', publishedAt: '2017-01-30T19:05:00+00:00' },
      metrics: { impressions: 4715, engagements: 46, shares: 7, comments: 0, likes: 5, profileClicks: 6, linkClicks: 23 },
    });
  });

  it('keeps multi-line tweets and emoji intact (28 of the 31 tweets of January 2019 span lines)', async () => {
    const posts = ofKind(await collect(parseExport(createReadStream(path(X_FILES[1][0])), { capturedAt: CAPTURED_AT })), 'post');
    expect(posts.filter((r) => r.post.text.includes('\n'))).toHaveLength(28);
    expect(posts[0]?.post.text).toContain('🎉');
  });

  it('agrees with the time inside each tweet id, to the minute', async () => {
    for (const [name] of X_FILES) {
      for (const { post } of ofKind(await collect(parseExport(createReadStream(path(name)), { capturedAt: CAPTURED_AT })), 'post')) {
        const fromId = new Date(timestampFromId('x-snowflake', post.networkPostId) ?? 0).toISOString().slice(0, 16);
        expect(post.publishedAt.slice(0, 16)).toBe(fromId);
      }
    }
  });

  it('gives the same records whatever the chunk size, even 7 bytes that split emoji and quotes', async () => {
    const bytes = readFileSync(path(X_FILES[1][0]));
    const whole = await collect(parseExport([bytes], { capturedAt: CAPTURED_AT }));
    const tiny = await collect(parseExport(chunked(bytes, 7), { capturedAt: CAPTURED_AT }));
    expect(tiny).toEqual(whole);
  });
});

describe.skipIf(!exportsDir)('real Facebook metrics dataset (UCI, derived from Insights)', () => {
  const path = () => join(exportsDir ?? '', 'facebook', 'dataset_Facebook.csv');
  const mapping = {
    target: 'metrics',
    network: 'facebook',
    // The dataset dropped the post ids; rows stand in for them.
    rowIdPrefix: 'uci-fb-',
    columns: {
      impressions: 'Lifetime Post Total Impressions',
      reach: 'Lifetime Post Total Reach',
      engagements: 'Total Interactions',
      likes: 'like',
      comments: 'comment',
      shares: 'share',
    },
  } as const;

  it('is not taken for a native export, and the error says what to do', async () => {
    const { error } = await failure(parseExport(createReadStream(path())), 'IMPORT_UNKNOWN_FORMAT');
    expect(error.message).toContain('"Page total likes", "Type"');
    expect(error.message).toContain('column mapping');
  });

  it('imports all 500 rows through a column mapping, semicolons and CRLF included', async () => {
    const records = await collect(parseExport(createReadStream(path()), { mapping, capturedAt: CAPTURED_AT }));
    const metrics = ofKind(records, 'metrics');
    expect(metrics).toHaveLength(500);
    // First data row: 139441;Photo;2;12;4;3;0;2752;5091;178;109;159;3078;1640;119;4;79;17;100
    expect(metrics[0]).toEqual({
      row: 2,
      kind: 'metrics',
      networkPostId: 'uci-fb-2',
      network: 'facebook',
      metrics: { capturedAt: '2022-01-03T00:00:00.000Z', impressions: 5091, reach: 2752, engagements: 100, likes: 79, comments: 4, shares: 17 },
    });
  });

  it('leaves the empty like (1) and share (4) cells absent rather than zero', async () => {
    const metrics = ofKind(await collect(parseExport(createReadStream(path()), { mapping, capturedAt: CAPTURED_AT })), 'metrics');
    expect(metrics.filter((r) => r.metrics.likes === undefined)).toHaveLength(1);
    expect(metrics.filter((r) => r.metrics.shares === undefined)).toHaveLength(4);
    expect(metrics.filter((r) => r.metrics.shares === 0).length).toBeGreaterThan(0);
  });

  it('totals reach as an independent reading of the file does', async () => {
    const rows = parse(readFileSync(path()), { columns: true, delimiter: ';' }) as Record<string, string>[];
    const expected = rows.reduce((sum, r) => sum + Number(r['Lifetime Post Total Reach']), 0);
    let reach = 0;
    const summary = await summarizeImport(parseExport(createReadStream(path()), { mapping, capturedAt: CAPTURED_AT }), {
      onRecord: (r) => {
        if (r.kind === 'metrics') reach += r.metrics.reach ?? 0;
      },
    });
    expect(summary).toMatchObject({ lastRow: 501, metricSnapshots: 500, rejected: 0, duplicates: 0 });
    expect(reach).toBe(expected);
  });
});
