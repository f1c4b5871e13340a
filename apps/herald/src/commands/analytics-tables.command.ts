import { METRIC_DEFINITIONS, type MetricName } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { PERIOD_FLAGS, queryAnalytics } from './analytics-query.ts';
import { textTable } from './text-table.ts';

export interface TableOptions {
  dataDir: string;
  workspaceId: string;
  from: string;
  to: string;
  timeZone?: string;
  network?: string;
  /** Print the API's JSON. */
  json: boolean;
  /** Print the API's CSV. */
  csv: boolean;
}

type Metrics = Partial<Record<MetricName, number | null>>;

/** The columns a person reads first; --json and --csv carry every metric. */
const SHOWN: readonly MetricName[] = ['posts', 'impressions', 'engagements', 'engagementRate', 'mentions', 'netSentiment'];

const figures = createFigures();
const cell = (metric: MetricName, value: number | null | undefined) => figures.value(METRIC_DEFINITIONS[metric].kind, value);
const heads = (metrics: readonly MetricName[]) => metrics.map((m) => METRIC_DEFINITIONS[m].label);

async function table<T>(options: TableOptions, path: string, query: Record<string, string | undefined>): Promise<{ body: T; text: string }> {
  return queryAnalytics<T>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path,
    query: { from: options.from, to: options.to, timeZone: options.timeZone, network: options.network, ...query },
    accept: options.csv ? 'text/csv' : 'application/json',
    flags: PERIOD_FLAGS,
  });
}

const range = (o: TableOptions, timeZone: string) => `${o.from} to ${o.to} (to exclusive, ${timeZone})${o.network ? `, ${o.network} only` : ''}`;

export async function runTimeseries(options: TableOptions & { interval: 'day' | 'week' | 'month' }): Promise<string> {
  const { body, text } = await table<{ timeZone: string; buckets: ({ start: string } & Metrics)[] }>(options, '/v1/analytics/timeseries', {
    interval: options.interval,
  });
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  const rows = body.buckets.map((b) => [b.start, ...SHOWN.map((m) => cell(m, b[m]))]);
  return `KPIs by ${options.interval}, ${range(options, body.timeZone)}; a post counts on the day it was published\n${textTable(['Start', ...heads(SHOWN)], rows)}`;
}

const BREAKDOWN_SHOWN: readonly MetricName[] = ['posts', 'impressions', 'engagements', 'engagementRate', 'engagementRateByReach'];

export async function runBreakdown(options: TableOptions & { by: string }): Promise<string> {
  const { body, text } = await table<{ rows: ({ key: string | null } & Metrics)[] }>(options, '/v1/analytics/breakdown', { by: options.by });
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  if (body.rows.length === 0) return `No posts ${options.from} to ${options.to}.\n`;
  const rows = body.rows.map((r) => [r.key ?? '(none)', ...BREAKDOWN_SHOWN.map((m) => cell(m, r[m]))]);
  return `Posts by ${options.by}, ${options.from} to ${options.to} (to exclusive), most engagements first\n${textTable([options.by, ...heads(BREAKDOWN_SHOWN)], rows)}`;
}

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface Cell {
  weekday: number;
  hour: number;
  posts: number;
  impressions: number;
  engagements: number;
  engagementRate: number | null;
}

export async function runBestTimes(options: TableOptions & { top: number; minPosts: number }): Promise<string> {
  const { body, text } = await table<{ timeZone: string; cells: Cell[] }>(options, '/v1/analytics/best-times', {});
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  const ranked = body.cells
    .filter((c) => c.posts >= options.minPosts && c.engagementRate != null)
    .sort((a, b) => b.engagementRate! - a.engagementRate! || b.posts - a.posts)
    .slice(0, options.top);
  if (ranked.length === 0) {
    return `No weekday × hour cell holds ${options.minPosts} or more posts with impressions ${options.from} to ${options.to}; try a longer period or --min-posts 1.\n`;
  }
  const rows = ranked.map((c) => [
    `${WEEKDAYS[c.weekday]} ${String(c.hour).padStart(2, '0')}:00`,
    figures.count(c.posts),
    figures.count(c.impressions),
    figures.count(c.engagements),
    figures.value('rate', c.engagementRate),
  ]);
  return (
    `Best times to post, ${range(options, body.timeZone)}: the ${ranked.length} best weekday × hour cells by engagement rate, of those with ${options.minPosts}+ posts\n` +
    textTable(['When', 'Posts', 'Impressions', 'Engagements', 'Engagement rate'], rows) +
    '  (engagement rate = Σ engagements ÷ Σ impressions of the posts published in the hour; --json gives all 168 cells)\n'
  );
}
