import { METRIC_DEFINITIONS, type MetricDefinition, type MetricName } from './metric-definitions.ts';

export interface MetricChange {
  current: number | null;
  previous: number | null;
  /** current − previous, in the metric's own unit (a ratio for rates). */
  absolute: number | null;
  /** Counts: (current − previous) ÷ previous; null for rates and scores, and when previous is 0 or missing. */
  relative: number | null;
  /** Rates and scores change in points (×100 of the ratio), labelled pp or pts; counts in percent. */
  points: number | null;
  unit: 'percent' | 'pp' | 'pts';
}

/** How a metric moved between two periods, in the unit a reader expects for it. */
export function changeOf(metric: MetricName, current: number | null, previous: number | null): MetricChange {
  return changeOfKind(METRIC_DEFINITIONS[metric].kind, current, previous);
}

/** The same for a metric known by its kind only (a workspace's custom metric). */
export function changeOfKind(kind: MetricDefinition['kind'], current: number | null, previous: number | null): MetricChange {
  const absolute = current != null && previous != null ? current - previous : null;
  if (kind === 'count' || kind === 'duration') {
    return { current, previous, absolute, relative: absolute != null && previous ? absolute / previous : null, points: null, unit: 'percent' };
  }
  return { current, previous, absolute, relative: null, points: absolute == null ? null : absolute * 100, unit: kind === 'rate' ? 'pp' : 'pts' };
}
