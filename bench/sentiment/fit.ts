import { createSentimentAnalyzer, DEFAULT_SENTIMENT_PARAMETERS, type SentimentParameters } from '@herald/listening-sentiment';

import type { Dataset, Gold } from './datasets.ts';
import { computeMetrics, type Prediction } from './metrics.ts';

/**
 * Only the VADER sets (MIT licensed) are fitted on: the airline set is CC BY-NC-SA and must not
 * shape anything the product ships, and Sentiment140 has no licence at all. Both stay pure
 * out-of-domain checks.
 */
export const FIT_SETS: readonly string[] = ['vader-tweets', 'vader-movie', 'vader-amazon', 'vader-nyt'];

export interface FitStep {
  parameters: SentimentParameters;
  /** Mean macro-F1 over the fit halves of FIT_SETS. */
  objective: number;
}

type Searched = Omit<SentimentParameters, 'neutralThreshold'>;

const THRESHOLDS = Array.from({ length: 25 }, (_, i) => Math.round((0.025 + i * 0.025) * 1000) / 1000);
const GRID: { [K in keyof Searched]: readonly Searched[K][] } = {
  negativeWeight: [1, 1.5, 2, 2.5, 3],
  irrealisWeight: [0, 0.5, 1],
  secondaryWeight: [0, 0.25, 0.5],
  stemming: [false, true],
  inflections: [false, true],
  negatedFailures: [false, true],
};

function label(score: number, threshold: number): Gold {
  return score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral';
}

function evaluate(datasets: readonly Dataset[], searched: Searched): FitStep {
  const analyze = createSentimentAnalyzer(searched);
  const scored = datasets
    .filter((d) => FIT_SETS.includes(d.name))
    .map((d) => {
      const items = d.items.filter((i) => i.half === 'fit');
      return { golds: items.map((i) => i.gold), scores: items.map((i) => analyze(i.text).score) };
    });
  let best: FitStep | undefined;
  // Scores do not depend on the threshold: every threshold is tried on one scoring pass.
  for (const neutralThreshold of THRESHOLDS) {
    let total = 0;
    for (const { golds, scores } of scored) {
      const predictions: Prediction[] = scores.map((score) => ({ score, label: label(score, neutralThreshold) }));
      total += computeMetrics(golds, predictions).macroF1;
    }
    const objective = total / scored.length;
    if (!best || objective > best.objective) best = { parameters: { ...searched, neutralThreshold }, objective };
  }
  if (!best) throw new Error('no threshold to try');
  return best;
}

/**
 * Coordinate search on the fit halves: each parameter in turn takes the grid value that maximises
 * the mean macro-F1 (each set counts once, whatever its size), the others held, until a full
 * round changes nothing. Starts from neutral settings, not from the library's defaults.
 */
export function fitParameters(datasets: readonly Dataset[], log?: (line: string) => void): FitStep {
  let current: Searched = {
    negativeWeight: 1,
    irrealisWeight: 1,
    secondaryWeight: 0,
    stemming: false,
    inflections: false,
    negatedFailures: false,
  };
  let best = evaluate(datasets, current);
  log?.(`start ${JSON.stringify(best.parameters)} → ${best.objective.toFixed(4)}`);
  for (let round = 1; round <= 4; round++) {
    let changed = false;
    for (const key of Object.keys(GRID) as (keyof Searched)[]) {
      for (const value of GRID[key]) {
        if (current[key] === value) continue;
        const trial = evaluate(datasets, { ...current, [key]: value });
        if (trial.objective > best.objective + 1e-9) {
          best = trial;
          current = { ...current, [key]: value };
          changed = true;
          log?.(`round ${round}: ${key} = ${String(value)} → ${best.objective.toFixed(4)}`);
        }
      }
    }
    if (!changed) break;
  }
  return best;
}

export function sameParameters(a: SentimentParameters, b: SentimentParameters = DEFAULT_SENTIMENT_PARAMETERS): boolean {
  return (Object.keys(a) as (keyof SentimentParameters)[]).every((k) => a[k] === b[k]);
}
