import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import { createStoreEventsHandler } from '@herald/analytics-service';
import { openPGlite } from '@herald/db';
import type { DeliveredEvent } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger } from '@herald/service-kit';

import { CliError, EXIT } from '../cli-error.ts';
import { fetchSummary, formatSummary } from './analytics-summary.command.ts';
import { runBestTimes, runBreakdown, runTimeseries } from './analytics-tables.command.ts';
import { deleteGoal, formatGoals, listGoals, setGoal } from './goals.command.ts';

const WS = 'demo';
const logger = createLogger({ name: 'test', level: 'silent' });

const post = (id: string, network: 'x' | 'linkedin', publishedAt: string, impressions: number, engagements: number): HeraldEvent =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: WS,
    source: 'test',
    payload: {
      post: { network, networkPostId: id, publishedAt, text: `post ${id}`, contentType: 'text', tags: [] },
      // Read once every post is out (the goal test judges as of 13 January, and sees no reading from after it).
      metrics: { capturedAt: '2026-01-12T12:00:00Z', impressions, engagements },
    },
  });
// January 2026. Monday 5th 10:00: x 1,000 / 30 and linkedin 2,000 / 90 (the same hour: one cell of two posts).
// Monday 12th 10:00: x 3,000 / 70. So x: 4,000 / 100 = 2.5 %; linkedin: 2,000 / 90 = 4.5 %; all: 6,000 / 190.
const EVENTS = [
  post('a', 'x', '2026-01-05T10:00:00Z', 1000, 30),
  post('b', 'linkedin', '2026-01-05T10:30:00Z', 2000, 90),
  post('c', 'x', '2026-01-12T10:00:00Z', 3000, 70),
];

describe('herald analytics and goals commands over the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-analytics-'));
  const base = { dataDir, workspaceId: WS, from: '2026-01-01', to: '2026-02-01', json: false, csv: false };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const pglite = openPGlite({ dataDir: join(dataDir, 'pglite') });
    const db = createAnalyticsDb({ kind: 'pglite', pglite });
    try {
      await db.migrate();
      const handle = createStoreEventsHandler({ db, logger });
      await handle(EVENTS.map((event, i) => ({ event, topic: 'test', partition: 0, offset: String(i), key: null, logger }) satisfies DeliveredEvent));
    } finally {
      await db.close();
      await pglite.close();
    }
  }, 120_000);

  it('summary: the figures, formatted once (rates in %, – for missing)', async () => {
    const summary = await fetchSummary(base);
    expect(summary).toMatchObject({ posts: 3, impressions: 6000, engagements: 190, followers: null });
    const text = formatSummary(summary, base);
    expect(text).toMatch(/^Summary January 2026 \(2026-01-01 to 2026-02-01, to exclusive, UTC\)\n/);
    expect(text).toMatch(/Engagement rate\s+3\.2%/); // 190 ÷ 6,000 = 3.17 %
    expect(text).toMatch(/Followers\s+–/);
  });

  it('timeseries by week: a post in the week it was published; JSON is the API answer', async () => {
    const json = JSON.parse(await runTimeseries({ ...base, interval: 'week', json: true }));
    // Weeks start on Monday: 29 Dec (clipped to 1 Jan), 5 Jan, 12 Jan, 19 Jan, 26 Jan.
    expect(json.buckets.map((b: { start: string; posts: number }) => [b.start, b.posts])).toEqual([
      ['2025-12-29', 0],
      ['2026-01-05', 2],
      ['2026-01-12', 1],
      ['2026-01-19', 0],
      ['2026-01-26', 0],
    ]);
    const text = await runTimeseries({ ...base, interval: 'week' });
    expect(text).toMatch(/\n {2}2026-01-05\s+2\s+3,000\s+120\s+4\.0%/); // 120 ÷ 3,000
    expect(text).toMatch(/\n {2}2026-01-19\s+0\s+0\s+0\s+–/);
  });

  it('breakdown by network, most engagements first; CSV straight from the API', async () => {
    const text = await runBreakdown({ ...base, by: 'network' });
    expect(text.split('\n').slice(2, 4)).toEqual([
      expect.stringMatching(/^ {2}x\s+2\s+4,000\s+100\s+2\.5%/),
      expect.stringMatching(/^ {2}linkedin\s+1\s+2,000\s+90\s+4\.5%/),
    ]);
    const rows = parse(await runBreakdown({ ...base, by: 'network', csv: true }), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.key, r.engagements])).toEqual([
      ['x', '100'],
      ['linkedin', '90'],
    ]);
  });

  it('best times: only cells with enough posts behind them', async () => {
    // Monday 10:00 holds a, b and c: 6,000 impressions, 190 engagements.
    const text = await runBestTimes({ ...base, top: 10, minPosts: 2 });
    expect(text).toMatch(/\n {2}Mon 10:00\s+3\s+6,000\s+190\s+3\.2%\n/);
    expect(await runBestTimes({ ...base, top: 10, minPosts: 4 })).toMatch(/^No weekday × hour cell holds 4 or more posts/);
  });

  it('goals: set, list as of a day, delete; a bad flag is named', async () => {
    const place = { dataDir, workspaceId: WS };
    const { goal } = await setGoal(place, { metric: 'engagements', target: 400, from: '2026-01-01', to: '2026-02-01', name: 'January' });
    // As of 13 January: 12 of 31 days gone, 190 of 400; linear 400 × 12/31 = 154.8 (no 8-week history: linear);
    // forecast 190 ÷ 12/31 = 490.8; still needed (400 − 190) ÷ 19 days = 11.05 a day, rounded up to 12.
    const { goals } = await listGoals(place, { at: '2026-01-13', csv: false });
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ id: goal.id, actual: 190, status: 'ahead', paceModel: 'linear' });
    expect(goals[0]!.expected).toBeCloseTo((400 * 12) / 31, 6);
    expect(formatGoals(goals)).toMatch(
      /^January: Engagements 400, January 2026 \(UTC\) {2}\[ahead\]\n {2}190 so far \(47\.5% of the target\) · expected by now 155 · forecast 491 · 12 a day still needed\n/,
    );

    const bad = await setGoal(place, { metric: 'mentions', target: 5, from: '2026-01-01', to: '2026-02-01', campaign: 'launch' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CliError);
    expect((bad as CliError).exitCode).toBe(EXIT.usage);
    expect((bad as CliError).message).toMatch(/^--campaign: /);

    await deleteGoal(place, goal.id);
    expect((await listGoals(place, { csv: false })).goals).toEqual([]);
    await expect(deleteGoal(place, goal.id)).rejects.toThrow(/GOAL_NOT_FOUND/);
  });
});

describe('herald analytics compare, contributors, top-posts, content and competitors', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-compare-'));
  const base = { dataDir, workspaceId: WS, from: '2026-01-12', to: '2026-01-19', json: false, csv: false };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const pglite = openPGlite({ dataDir: join(dataDir, 'pglite') });
    const db = createAnalyticsDb({ kind: 'pglite', pglite });
    try {
      await db.migrate();
      const handle = createStoreEventsHandler({ db, logger });
      await handle(EVENTS.map((event, i) => ({ event, topic: 'test', partition: 0, offset: String(i), key: null, logger }) satisfies DeliveredEvent));
    } finally {
      await db.close();
      await pglite.close();
    }
  }, 120_000);

  it('compare: the week of 12 January against the week before, rates in points', async () => {
    const { runCompare } = await import('./analytics-compare.command.ts');
    const text = await runCompare(base);
    // Week of 5 Jan: 3,000 impressions, 120 engagements (4.0 %); week of 12 Jan: 3,000 / 70 (2.3 %).
    expect(text).toMatch(/^Week 3, 2026 \(12 – 18 Jan 2026\) against Week 2, 2026 \(5 – 11 Jan 2026\)\n/);
    expect(text).toMatch(/\n {2}Engagements\s+70\s+120\s+−41\.7%/);
    expect(text).toMatch(/\n {2}Engagement rate\s+2\.3%\s+4\.0%\s+−1\.7 pp/);
  });

  it('contributors by network and top posts', async () => {
    const { runContributors, runTopPosts } = await import('./analytics-compare.command.ts');
    // Engagements 120 → 70: x 30 → 70 (+40, against), linkedin 90 → 0 (−90, the driver).
    const text = await runContributors({ ...base, by: 'network' });
    expect(text).toMatch(/^Engagements: 70 in Week 3, 2026 .* against 120 in Week 2, 2026 .*\(−50\)\n/);
    expect(text).toMatch(/Drivers \(moved it the way it went\)\n.*\n {2}linkedin\s+–\s+90\s+−90\s+180\.0%\n/);
    expect(text).toMatch(/Detractors \(moved it the other way\)\n.*\n {2}x\s+70\s+30\s+\+40\s+−80\.0%\n/);
    const top = await runTopPosts({ ...base, from: '2026-01-01', to: '2026-02-01', bottom: false, limit: 2 });
    expect(top).toMatch(/\n {2}1\s+2026-01-05\s+linkedin\s+text\s+90\s+post b\n {2}2\s+2026-01-12\s+x\s+text\s+70\s+post c\n/);
  });

  it('content performance ranks only groups with enough posts', async () => {
    const { runContentPerformance } = await import('./analytics-content.command.ts');
    const text = await runContentPerformance({ ...base, from: '2026-01-01', to: '2026-02-01', by: 'content-type', minPosts: 3 });
    // All three posts are text: 190 / 6,000 = 3.2 %, the same as all posts.
    expect(text).toMatch(/\n {2}text\s+3\s+3\.2%\s+0%\n/);
    expect(await runContentPerformance({ ...base, from: '2026-01-01', to: '2026-02-01', by: 'content-type', minPosts: 4 })).toMatch(
      /No group has enough posts behind it\.\n {2}Too few posts to rank: text \(3\)/,
    );
  });

  it('competitors: a marked profile leaves the own totals and shows beside them', async () => {
    const { compareCompetitors, listCompetitors, markCompetitor, unmarkCompetitor } = await import('./competitors.command.ts');
    const place = { dataDir, workspaceId: WS };
    // The fixture's posts carry no profile id, so the marked profile has none of them: its row reads 0 and –.
    expect(await markCompetitor(place, { network: 'x', profileId: 'rival', competitor: 'Rival Inc' })).toMatch(/Rival Inc's/);
    expect(await listCompetitors(place, false)).toMatch(/Rival Inc\s+x\s+rival/);
    const side = await compareCompetitors({ ...base, from: '2026-01-01', to: '2026-02-01' });
    expect(side).toMatch(/\n {2}own\s+3\s+6,000\s+190\s+3\.2%/);
    expect(side).toMatch(/\n {2}Rival Inc\s+0\s+0\s+0\s+–/);
    await unmarkCompetitor(place, { network: 'x', profileId: 'rival' });
    expect(await listCompetitors(place, false)).toMatch(/^No competitor profiles/);
  });
});
