import { sampleStandardDeviation } from 'simple-statistics';

/** How many earlier periods a change is judged against, and how many of their changes are needed at least. */
export const VARIATION_PERIODS = 8;
export const VARIATION_MIN_CHANGES = 4;
/** A change beyond this many standard deviations of the usual period-over-period changes is notable. */
export const VARIATION_SIGMAS = 2;

export const VARIATION_RULE =
  `A change is beyond normal variation when it is larger than ${VARIATION_SIGMAS} standard deviations of the period-over-period changes ` +
  `across the ${VARIATION_PERIODS} periods of the same kind before it (at least ${VARIATION_MIN_CHANGES} such changes needed, between periods that hold posts or mentions; else not judged).`;

export interface Variation {
  /** True beyond normal variation, false within it, null when there is too little history to say. */
  notable: boolean | null;
  /** The threshold: VARIATION_SIGMAS × the standard deviation of the earlier changes, in the metric's unit. */
  threshold: number | null;
}

/**
 * Judges a change against the history before it. `history` holds the metric for consecutive
 * periods, oldest first, ending with the period compared against; missing values break a change.
 */
export function variationOf(change: number | null, history: readonly (number | null)[]): Variation {
  const changes: number[] = [];
  for (let i = 1; i < history.length; i++) {
    const [a, b] = [history[i - 1], history[i]];
    if (a != null && b != null) changes.push(b - a);
  }
  if (change == null || changes.length < VARIATION_MIN_CHANGES) return { notable: null, threshold: null };
  const threshold = VARIATION_SIGMAS * sampleStandardDeviation(changes);
  return { notable: Math.abs(change) > threshold, threshold };
}
