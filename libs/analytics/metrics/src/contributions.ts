import { RATE_PARTS, type PostMetric } from './metric-definitions.ts';

/** A group's sums in one period: what a contribution is computed from. */
export type GroupSums = Partial<Record<PostMetric, number | null>>;

export interface Contribution {
  key: string | null;
  /** The group's own value of the metric in each period (its own rate, for a rate). */
  current: number | null;
  previous: number | null;
  /**
   * The group's part of the total change, in the metric's unit. For a count: its own change. For a
   * rate Σn ÷ Σd: n₁ ÷ D₁ − n₀ ÷ D₀ (D the totals' denominators). Either way the parts add up to the
   * total change exactly (for tags, where a post counts under each of its tags, they can add up to more).
   */
  contribution: number;
  /** contribution ÷ total change; null when the total did not change. */
  share: number | null;
}

export interface Contributions {
  total: { current: number | null; previous: number | null; change: number | null };
  /** Groups that moved the metric the way it went, largest first. */
  drivers: Contribution[];
  /** Groups that moved it the other way, largest first. */
  detractors: Contribution[];
}

const num = (v: number | null | undefined) => v ?? 0;

/**
 * Which groups moved a metric between two periods, and by how much: drivers in the direction of
 * the total change, detractors against it (when nothing changed overall, risers are drivers).
 */
export function contributionsOf(
  metric: PostMetric,
  current: ReadonlyMap<string | null, GroupSums>,
  previous: ReadonlyMap<string | null, GroupSums>,
  totals: { current: GroupSums; previous: GroupSums },
): Contributions {
  const parts = (RATE_PARTS as Partial<Record<PostMetric, readonly [PostMetric, PostMetric]>>)[metric];
  const valueOf = (sums: GroupSums | undefined): number | null => {
    if (!sums) return null;
    if (!parts) return sums[metric] ?? null;
    const d = sums[parts[1]];
    return d ? num(sums[parts[0]]) / d : null;
  };
  const totalCurrent = valueOf(totals.current);
  const totalPrevious = valueOf(totals.previous);
  const change = totalCurrent != null && totalPrevious != null ? totalCurrent - totalPrevious : null;

  const keys = new Set([...current.keys(), ...previous.keys()]);
  const rows: Contribution[] = [...keys].map((key) => {
    const now = current.get(key);
    const before = previous.get(key);
    let contribution: number;
    if (parts) {
      const [n, d] = parts;
      const share = (sums: GroupSums | undefined, total: GroupSums) => (total[d] ? num(sums?.[n]) / num(total[d]) : 0);
      contribution = share(now, totals.current) - share(before, totals.previous);
    } else {
      contribution = num(now?.[metric]) - num(before?.[metric]);
    }
    return { key, current: valueOf(now), previous: valueOf(before), contribution, share: change ? contribution / change : null };
  });

  const up = (change ?? 0) >= 0;
  const bySize = (a: Contribution, b: Contribution) => Math.abs(b.contribution) - Math.abs(a.contribution) || String(a.key).localeCompare(String(b.key));
  return {
    total: { current: totalCurrent, previous: totalPrevious, change },
    drivers: rows.filter((r) => (up ? r.contribution > 0 : r.contribution < 0)).sort(bySize),
    detractors: rows.filter((r) => (up ? r.contribution < 0 : r.contribution > 0)).sort(bySize),
  };
}
