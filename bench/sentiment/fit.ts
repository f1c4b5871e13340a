import { createSentimentAnalyzer, type SentimentParameters } from '@herald/listening-sentiment';

import type { Dataset, Gold } from './datasets.ts';
import { computeMetrics, type Prediction } from './metrics.ts';

export interface FitResult {
  parameters: SentimentParameters;
  /** Mean macro-F1 over the sets' fit halves. */
  objective: number;
}

const THRESHOLDS = Array.from({ length: 25 }, (_, i) => Math.round((0.02 + i * 0.025) * 1000) / 1000);
const SECONDARY_WEIGHTS = [0, 0.25, 0.5, 0.75, 1];

function label(score: number, threshold: number): Gold {
  return score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral';
}

/**
 * Grid search on the fit halves only. Each set counts once, whatever its size, so the 7,000
 * airline tweets do not outvote the 250 Sentiment140 ones. Scores do not depend on the threshold,
 * so each (weight, stemming) pair is scored once and every threshold is tried on those scores.
 */
export function fitParameters(datasets: readonly Dataset[]): FitResult[] {
  const results: FitResult[] = [];
  for (const stemming of [true, false]) {
    for (const secondaryWeight of SECONDARY_WEIGHTS) {
      const analyze = createSentimentAnalyzer({ secondaryWeight, stemming });
      const scored = datasets.map((d) => {
        const items = d.items.filter((i) => i.half === 'fit');
        return { golds: items.map((i) => i.gold), scores: items.map((i) => analyze(i.text).score) };
      });
      for (const neutralThreshold of THRESHOLDS) {
        let total = 0;
        for (const { golds, scores } of scored) {
          const predictions: Prediction[] = scores.map((score) => ({ score, label: label(score, neutralThreshold) }));
          total += computeMetrics(golds, predictions).macroF1;
        }
        results.push({ parameters: { neutralThreshold, secondaryWeight, stemming }, objective: total / scored.length });
      }
    }
  }
  return results.sort((a, b) => b.objective - a.objective);
}
