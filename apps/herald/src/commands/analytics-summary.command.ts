import { join } from 'node:path';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import type { PeriodSummary } from '@herald/analytics-metrics';
import { loadSummary } from '@herald/analytics-service';
import { parsePeriod, PeriodError } from '@herald/period';
import { openPGlite } from '@herald/db';
import { generateApiKey } from '@herald/ingestion-service';

import { CliError, EXIT } from '../cli-error.ts';
import { assertDataDirHasStore, demoApiKey, findRunningStack, requestRunningStack, withDataDirLock } from '../embedded/data-dir.ts';

export interface SummaryOptions {
  dataDir: string;
  from: string;
  to: string;
  workspaceId: string;
  json: boolean;
}

const METRICS = ['posts', 'impressions', 'reach', 'engagements', 'engagementRate', 'followers', 'mentions', 'netSentiment', 'averageSentiment'] as const;

/** The same summary as GET /v1/analytics/summary, from the running stack or straight from the embedded store. */
export async function fetchSummary(options: SummaryOptions): Promise<PeriodSummary> {
  const period = periodOf(options);
  const running = findRunningStack(options.dataDir);
  if (running?.urls.analytics) {
    // The demo key decides the workspace of a running stack.
    const query = new URLSearchParams({ from: options.from, to: options.to });
    const res = await requestRunningStack(running, `${running.urls.analytics}/v1/analytics/summary?${query}`, {
      headers: { 'x-api-key': demoApiKey(options.dataDir, generateApiKey) },
    });
    if (!res.ok) throw new CliError(`analytics at ${running.urls.analytics} answered ${res.status}: ${await errorText(res)}`);
    return (await res.json()) as PeriodSummary;
  }
  assertDataDirHasStore(options.dataDir);
  return withDataDirLock(options.dataDir, async () => {
    const pglite = openPGlite({ dataDir: join(options.dataDir, 'pglite') });
    const db = createAnalyticsDb({ kind: 'pglite', pglite });
    try {
      await db.migrate();
      return await loadSummary(db, { workspaceId: options.workspaceId, timeZone: 'UTC' }, period);
    } finally {
      await db.close();
      await pglite.close();
    }
  });
}

function periodOf(options: SummaryOptions) {
  try {
    return parsePeriod(options.from, options.to);
  } catch (error) {
    if (error instanceof PeriodError) throw new CliError(`--${error.field}: ${error.message.replace(/^\w+: /, '')}`, EXIT.usage);
    throw error;
  }
}

/** The API's `{ error: { code, message } }`, or the body as text. */
async function errorText(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (error?.message) return `${error.message}${error.code ? ` (${error.code})` : ''}`;
  } catch {
    // not JSON: shown as it came
  }
  return text.slice(0, 300);
}

export function formatSummary(summary: PeriodSummary, options: Pick<SummaryOptions, 'from' | 'to' | 'json'>): string {
  const picked = Object.fromEntries(METRICS.map((k) => [k, summary[k]]));
  if (options.json) return `${JSON.stringify(picked)}\n`;
  const fmt = new Intl.NumberFormat('en-US');
  const show: Record<(typeof METRICS)[number], (v: number | null) => string> = {
    posts: (v) => fmt.format(v ?? 0),
    impressions: (v) => fmt.format(v ?? 0),
    engagements: (v) => fmt.format(v ?? 0),
    engagementRate: (v) => (v == null ? '–' : `${(v * 100).toFixed(2)}%`),
    reach: (v) => (v == null ? '–' : fmt.format(v)),
    followers: (v) => (v == null ? '–' : fmt.format(v)),
    mentions: (v) => fmt.format(v ?? 0),
    netSentiment: (v) => (v == null ? '–' : `${v < 0 ? '−' : v > 0 ? '+' : ''}${Math.abs(v * 100).toFixed(0)}`),
    averageSentiment: (v) => (v == null ? '–' : v.toFixed(3)),
  };
  const labels = {
    posts: 'Posts',
    impressions: 'Impressions',
    reach: 'Reach',
    engagements: 'Engagements',
    engagementRate: 'Engagement rate',
    followers: 'Followers',
    mentions: 'Mentions',
    netSentiment: 'Net sentiment',
    averageSentiment: 'Average sentiment',
  };
  return `Summary ${options.from} to ${options.to} (to exclusive)\n` + METRICS.map((k) => `  ${labels[k].padEnd(18)} ${show[k](summary[k])}`).join('\n') + '\n';
}
