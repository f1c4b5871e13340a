import { METRIC_DEFINITIONS, type MetricName } from './metric-definitions.ts';

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
  const kind = METRIC_DEFINITIONS[metric].kind;
  const absolute = current != null && previous != null ? current - previous : null;
  if (kind === 'count' || kind === 'duration') {
    return { current, previous, absolute, relative: absolute != null && previous ? absolute / previous : null, points: null, unit: 'percent' };
  }
  return { current, previous, absolute, relative: null, points: absolute == null ? null : absolute * 100, unit: kind === 'rate' ? 'pp' : 'pts' };
}
