import { METRIC_DEFINITIONS, type MetricName } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { runCompare } from './analytics-compare.command.ts';
import { PERIOD_FLAGS, queryAnalytics } from './analytics-query.ts';
import type { TableOptions } from './analytics-tables.command.ts';
import { textTable } from './text-table.ts';

const figures = createFigures();

interface Performance {
  metric: MetricName;
  baseline: number | null;
  rows: { key: string | null; posts: number; value: number | null; lift: number | null }[];
  tooFew: { key: string | null; posts: number }[];
  rule: string;
}

/** `herald analytics content`: which content types, tags, lengths, hours or weekdays perform best. */
export async function runContentPerformance(options: TableOptions & { by: string; metric?: string; minPosts?: number }): Promise<string> {
  const { body, text } = await queryAnalytics<Performance>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/content-performance',
    query: {
      from: options.from,
      to: options.to,
      timeZone: options.timeZone,
      network: options.network,
      by: options.by,
      metric: options.metric,
      minPosts: options.minPosts,
    },
    accept: options.csv ? 'text/csv' : 'application/json',
    flags: { ...PERIOD_FLAGS, 'query.minPosts': '--min-posts' },
  });
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  const { kind, label } = METRIC_DEFINITIONS[body.metric];
  const lift = (v: number | null) => (v == null ? '–' : figures.change('count', { absolute: v, relative: v }));
  const ranked = body.rows.length
    ? textTable(
        [options.by, 'Posts', kind === 'rate' ? label : `${label} per post`, 'Against all'],
        body.rows.map((r) => [r.key ?? '(none)', figures.count(r.posts), figures.value(kind, r.value), lift(r.lift)]),
      )
    : '  No group has enough posts behind it.\n';
  const few = body.tooFew.length ? `  Too few posts to rank: ${body.tooFew.map((g) => `${g.key ?? '(none)'} (${g.posts})`).join(', ')}\n` : '';
  return `${label} by ${options.by}, ${options.from} to ${options.to} (to exclusive); all posts: ${figures.value(kind, body.baseline)}\n${ranked}${few}  ${body.rule}\n`;
}

/** Calendar arithmetic on a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `herald analytics pivot`: the days after a change the team made, against as many days before it. */
export async function runPivot(options: Omit<TableOptions, 'from' | 'to'> & { date: string; days: number }): Promise<string> {
  const heading = `Pivot on ${options.date}: ${options.days} days after against ${options.days} days before\n`;
  const body = await runCompare({
    ...options,
    from: options.date,
    to: addDays(options.date, options.days),
    againstFrom: addDays(options.date, -options.days),
    againstTo: options.date,
  });
  return options.json ? body : heading + body;
}
