import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAnalytics } from './commands/analytics-query.ts';
import { runImportCommand, type ImportOutcome } from './commands/import.command.ts';

/*
 * The three real X "Tweet activity" exports of @rOpenSci (see the folder's README.md for source and licence),
 * imported through `herald import` into an embedded data dir, then asked through the analytics routes. The
 * expected numbers are summed here straight from the CSV, not through the product's importer, so that a
 * mapping, parsing or bucketing mistake anywhere between the file and the API shows up as a difference.
 */

const WORKSPACE = 'demo';
const EXPORTS_DIR = resolve(
  process.env['HERALD_SHARED_DATA'] || resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/data'),
  'exports/x-twitter',
);
const FILES = [
  'tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv',
  'tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv',
  'tweet_activity_metrics_rOpenSci_20211101_20211201_en.csv',
] as const;
const hasExports = FILES.every((file) => existsSync(join(EXPORTS_DIR, file)));
if (!hasExports) console.warn(`Skipping the X export analytics tests: the exports are not all in ${EXPORTS_DIR} (set HERALD_SHARED_DATA)`);

/** The post metrics the analytics API reports that the X tweet activity export feeds. */
const COUNTERS = ['impressions', 'engagements', 'likes', 'shares', 'comments', 'linkClicks'] as const;
type Counter = (typeof COUNTERS)[number];
type Totals = { posts: number } & Record<Counter, number>;

/**
 * Which export column feeds which metric, mirroring `libs/ingestion/imports/src/formats/x.v1.ts`: the export's own
 * "engagements" (not a sum of its parts), "retweets" as shares, "replies" as comments, "url clicks" as link clicks.
 * "user profile clicks" is imported as profileClicks too, but no analytics route reports that metric.
 */
const COLUMN_OF: Record<Counter, string> = {
  impressions: 'impressions',
  engagements: 'engagements',
  likes: 'likes',
  shares: 'retweets',
  comments: 'replies',
  linkClicks: 'url clicks',
};

interface ExpectedExport {
  file: string;
  rows: number;
  /** The month the file name states (`_20170101_20170201_`): from inclusive, to exclusive, as UTC dates. */
  from: string;
  to: string;
  totals: Totals;
  /** Totals per UTC day (YYYY-MM-DD) of the tweets published on it. */
  days: Map<string, Totals>;
}

const zero = (): Totals => ({ posts: 0, impressions: 0, engagements: 0, likes: 0, shares: 0, comments: 0, linkClicks: 0 });

function add(into: Totals, from: Totals): void {
  into.posts += from.posts;
  for (const counter of COUNTERS) into[counter] += from[counter];
}

/** `2019-01-31 23:32 +0000` (the "time" column: minute precision, with its offset) → the UTC day it falls on. */
function utcDayOf(time: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(time);
  if (!m) throw new Error(`unexpected "time" cell: ${time}`);
  return new Date(`${m[1]}T${m[2]}:00${m[3]}:${m[4]}`).toISOString().slice(0, 10);
}

/** Counts are written as floats ("2633.0") or integers ("0"); anything else would make the sums meaningless. */
function countOf(row: Record<string, string>, column: string): number {
  const cell = row[column] ?? '';
  const value = Number(cell);
  if (cell.trim() === '' || !Number.isInteger(value) || value < 0) throw new Error(`unexpected "${column}" cell: "${cell}"`);
  return value;
}

function expectedOf(file: string): ExpectedExport {
  const range = /_(\d{4})(\d{2})(\d{2})_(\d{4})(\d{2})(\d{2})_[a-z]{2}\.csv$/.exec(file);
  if (!range) throw new Error(`no date range in ${file}`);
  const from = `${range[1]}-${range[2]}-${range[3]}`;
  const to = `${range[4]}-${range[5]}-${range[6]}`;
  // Every field is quoted and "Tweet text" holds newlines, so a real CSV parser rather than a line split.
  const rows = parse(readFileSync(join(EXPORTS_DIR, file), 'utf8'), { columns: true }) as Record<string, string>[];
  const totals = zero();
  const days = new Map<string, Totals>();
  for (const row of rows) {
    const day = utcDayOf(row['time'] ?? '');
    // A tweet outside the stated month would not be in that month's answers: the sums below would then be wrong.
    if (day < from || day >= to) throw new Error(`${file}: tweet ${row['Tweet id']} at ${row['time']} is outside ${from} – ${to}`);
    const one: Totals = { ...zero(), posts: 1 };
    for (const counter of COUNTERS) one[counter] = countOf(row, COLUMN_OF[counter]);
    add(totals, one);
    const sum = days.get(day) ?? zero();
    add(sum, one);
    days.set(day, sum);
  }
  return { file, rows: rows.length, from, to, totals, days };
}

/** The UTC dates from `from` (inclusive) to `to` (exclusive). */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

type MetricRow = { posts: number } & Record<Counter, number | null>;
interface SummaryBody extends MetricRow {
  from: string;
  to: string;
}
interface TimeseriesBody {
  buckets: (MetricRow & { start: string })[];
}
interface BreakdownBody {
  rows: (MetricRow & { key: string | null })[];
}

/** A row's metrics with null as 0: a group or day without a tweet may say "missing" where the file has nothing to add. */
const totalsOf = (row: MetricRow): Totals => {
  const totals: Totals = { ...zero(), posts: row.posts };
  for (const counter of COUNTERS) totals[counter] = row[counter] ?? 0;
  return totals;
};

function sumOf(rows: readonly MetricRow[]): Totals {
  const sum = zero();
  for (const row of rows) add(sum, totalsOf(row));
  return sum;
}

describe.skipIf(!hasExports)('analytics over the real X tweet activity exports of @rOpenSci', () => {
  // Read before the temp dir is made: a file that fails to parse then leaves nothing behind.
  const expected = hasExports ? FILES.map(expectedOf) : [];
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-x-export-analytics-'));
  const outcomes = new Map<string, ImportOutcome>();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // All three into one workspace: each month's answers must then hold that file's tweets and no other's.
  beforeAll(async () => {
    for (const file of FILES) outcomes.set(file, await runImportCommand({ dataDir, file: join(EXPORTS_DIR, file), workspaceId: WORKSPACE, progress: null }));
  }, 360_000);

  const period = (e: ExpectedExport) => ({ from: e.from, to: e.to, timeZone: 'UTC' });

  describe.each(expected.map((e) => [e.file, e] as const))('%s', (_file, e) => {
    it('is imported whole: every row accepted, none rejected', () => {
      expect(outcomes.get(e.file)).toMatchObject({
        rowsRead: e.rows,
        accepted: e.rows,
        duplicates: 0,
        rejected: [],
        rejectedCount: 0,
        format: 'x-tweet-activity v1',
        error: null,
      });
    });

    it("has the file's sums as the month's summary totals", async () => {
      const { body } = await queryAnalytics<SummaryBody>({
        dataDir,
        workspaceId: WORKSPACE,
        path: '/v1/analytics/summary',
        query: { ...period(e), compare: 'none' },
      });
      expect(body).toMatchObject({ from: `${e.from}T00:00:00.000Z`, to: `${e.to}T00:00:00.000Z` });
      // Not through totalsOf: with tweets in the month, a counter the file has on every row must not be null.
      expect({ posts: body.posts, ...Object.fromEntries(COUNTERS.map((c) => [c, body[c]])) }).toEqual(e.totals);
    });

    it("has each UTC day's rows and sums in the daily timeseries, adding up to the file's sums", async () => {
      const { body } = await queryAnalytics<TimeseriesBody>({
        dataDir,
        workspaceId: WORKSPACE,
        path: '/v1/analytics/timeseries',
        query: { ...period(e), interval: 'day' },
      });
      expect(body.buckets.map((b) => b.start)).toEqual(datesBetween(e.from, e.to));
      // Keyed by day, so a tweet counted on the wrong day names both days in the diff.
      expect(Object.fromEntries(body.buckets.map((b) => [b.start, totalsOf(b)]))).toEqual(
        Object.fromEntries(datesBetween(e.from, e.to).map((day) => [day, e.days.get(day) ?? zero()])),
      );
      expect(sumOf(body.buckets)).toEqual(e.totals);
    });

    it.each(['network', 'content-type'] as const)("has the file's sums over the rows of the breakdown by %s", async (by) => {
      const { body } = await queryAnalytics<BreakdownBody>({
        dataDir,
        workspaceId: WORKSPACE,
        path: '/v1/analytics/breakdown',
        query: { ...period(e), by },
      });
      expect(sumOf(body.rows)).toEqual(e.totals);
    });
  });
});
