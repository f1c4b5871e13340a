import type { AnalyticsDb, CustomMetric } from '@herald/analytics-data-access';
import { parseFormula, type Formula } from '@herald/analytics-metrics';

export const listCustomMetrics = (db: AnalyticsDb, workspaceId: string): Promise<CustomMetric[]> =>
  db.prisma.customMetric.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });

export const saveCustomMetric = (
  db: AnalyticsDb,
  metric: { workspaceId: string; name: string; label: string; formula: string; kind: string; description: string | null },
) =>
  db.prisma.customMetric.upsert({
    where: { workspaceId_name: { workspaceId: metric.workspaceId, name: metric.name } },
    create: metric,
    update: { label: metric.label, formula: metric.formula, kind: metric.kind, description: metric.description },
  });

export async function deleteCustomMetric(db: AnalyticsDb, workspaceId: string, name: string): Promise<boolean> {
  const { count } = await db.prisma.customMetric.deleteMany({ where: { workspaceId, name } });
  return count > 0;
}

export interface LoadedCustomMetric extends CustomMetric {
  compiled: Formula;
}

/** The workspace's custom metrics, parsed (each formula was checked when saved). */
export async function loadCustomMetrics(db: AnalyticsDb, workspaceId: string): Promise<LoadedCustomMetric[]> {
  return (await listCustomMetrics(db, workspaceId)).map((m) => ({ ...m, compiled: parseFormula(m.formula) }));
}

/** Each custom metric's value over a set of base metric values. */
export const customValuesOf = (metrics: readonly LoadedCustomMetric[], values: Parameters<Formula['evaluate']>[0]) =>
  Object.fromEntries(metrics.map((m) => [m.name, m.compiled.evaluate(values)])) as Record<string, number | null>;
