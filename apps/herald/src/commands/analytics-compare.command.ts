import { METRIC_DEFINITIONS, METRIC_NAMES, type MetricName } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { PERIOD_FLAGS, queryAnalytics } from './analytics-query.ts';
import type { TableOptions } from './analytics-tables.command.ts';
import { textTable } from './text-table.ts';

export interface AgainstOptions {
  /** previous (default) or year; ignored when againstFrom/againstTo are given. */
  against?: 'previous' | 'year';
  againstFrom?: string;
  againstTo?: string;
}

const FLAGS = {
  ...PERIOD_FLAGS,
  'query.againstFrom': '--against-from',
  'query.againstTo': '--against-to',
  'query.compare': '--against',
  'query.metric': '--metric',
};
const figures = createFigures();

const againstQuery = (o: AgainstOptions) =>
  o.againstFrom || o.againstTo ? { againstFrom: o.againstFrom, againstTo: o.againstTo } : { compare: o.against ?? 'previous' };

const baseQuery = (o: TableOptions) => ({ from: o.from, to: o.to, timeZone: o.timeZone, network: o.network });

interface Change {
  current: number | null;
  previous: number | null;
  absolute: number | null;
  relative: number | null;
  notable: boolean | null;
}

/** `herald analytics compare`: every metric against another period, rates changing in points. */
export async function runCompare(options: TableOptions & AgainstOptions): Promise<string> {
  const { body, text } = await queryAnalytics<{
    label: string;
    comparison: { period: { label: string }; changes: Record<MetricName, Change>; variationRule: string };
  }>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/summary',
    query: { ...baseQuery(options), ...againstQuery(options) },
    flags: FLAGS,
  });
  if (options.json) return `${text.trim()}\n`;
  const { changes, period } = body.comparison;
  const rows = METRIC_NAMES.map((m) => {
    const { kind, label } = METRIC_DEFINITIONS[m];
    const c = changes[m];
    return [
      label,
      figures.value(kind, c.current),
      figures.value(kind, c.previous),
      figures.change(kind, c),
      c.notable == null ? '–' : c.notable ? 'beyond' : 'within',
    ];
  });
  return `${body.label} against ${period.label}\n${textTable(['Metric', 'This period', 'Before', 'Change', 'Normal variation'], rows)}  ${body.comparison.variationRule}\n`;
}

interface Contribution {
  key: string | null;
  label?: string;
  current: number | null;
  previous: number | null;
  contribution: number;
  share: number | null;
}

/** `herald analytics contributors`: what moved a metric, in the direction of the change and against it. */
export async function runContributors(options: TableOptions & AgainstOptions & { by: string; metric?: string; limit?: number }): Promise<string> {
  const { body, text } = await queryAnalytics<{
    metric: MetricName;
    period: { label: string };
    against: { label: string };
    total: { current: number | null; previous: number | null; change: number | null };
    drivers: Contribution[];
    detractors: Contribution[];
    rule: string;
  }>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/contributors',
    query: { ...baseQuery(options), ...againstQuery(options), by: options.by, metric: options.metric, limit: options.limit },
    flags: FLAGS,
  });
  if (options.json) return `${text.trim()}\n`;
  const { kind, label } = METRIC_DEFINITIONS[body.metric];
  const delta = (v: number) =>
    kind === 'rate' ? figures.change('rate', { absolute: v, relative: null }) : figures.count(v).replace(/^(?=\d)/, v > 0 ? '+' : '');
  const t = body.total;
  const heading =
    `${label}: ${figures.value(kind, t.current)} in ${body.period.label} against ${figures.value(kind, t.previous)} in ${body.against.label}` +
    ` (${kind === 'rate' ? figures.change('rate', { absolute: t.change, relative: null }) : t.change == null ? '–' : delta(t.change)})`;
  const table = (title: string, list: Contribution[]) =>
    list.length === 0
      ? `${title}: none\n`
      : `${title}\n${textTable(
          [options.by, 'Now', 'Before', 'Part of the change', 'Share'],
          list.map((c) => [
            c.label ? `${c.key} “${c.label.slice(0, 40)}${c.label.length > 40 ? '…' : ''}”` : (c.key ?? '(none)'),
            figures.value(kind, c.current),
            figures.value(kind, c.previous),
            delta(c.contribution),
            c.share == null ? '–' : figures.value('rate', c.share),
          ]),
        )}`;
  return `${heading}\n${table('Drivers (moved it the way it went)', body.drivers)}${table('Detractors (moved it the other way)', body.detractors)}  ${body.rule}\n`;
}

interface RankedPost {
  id: string;
  network: string;
  publishedAt: string;
  contentType: string;
  text: string;
  value: number;
  impressions: number | null;
  engagements: number | null;
  engagementRate: number | null;
}

/** `herald analytics top-posts`: the period's posts ranked by a metric. */
export async function runTopPosts(options: TableOptions & { metric?: string; bottom: boolean; limit?: number }): Promise<string> {
  const { body, text } = await queryAnalytics<{ metric: MetricName; posts: RankedPost[]; rule: string }>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/top-posts',
    query: { ...baseQuery(options), metric: options.metric, order: options.bottom ? 'bottom' : 'top', limit: options.limit },
    accept: options.csv ? 'text/csv' : 'application/json',
    flags: FLAGS,
  });
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  if (body.posts.length === 0) return `No posts to rank ${options.from} to ${options.to}. ${body.rule}.\n`;
  const { kind, label } = METRIC_DEFINITIONS[body.metric];
  const rows = body.posts.map((p, i) => [
    String(i + 1),
    p.publishedAt.slice(0, 10),
    p.network,
    p.contentType,
    figures.value(kind, p.value),
    p.text.replace(/\s+/g, ' ').slice(0, 60),
  ]);
  return `${options.bottom ? 'Bottom' : 'Top'} posts by ${label.toLowerCase()}, ${options.from} to ${options.to} (to exclusive)\n${textTable(['#', 'Published', 'Network', 'Type', label, 'Text'], rows)}  ${body.rule}.\n`;
}
