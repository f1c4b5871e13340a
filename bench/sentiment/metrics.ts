import type { Gold } from './datasets.ts';

export interface Prediction {
  label: Gold;
  /** Continuous score; its sign decides the binary test. */
  score: number;
}

export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Positive vs negative on items whose gold label is not neutral, by the sign of the score; 0 counts as a miss. */
  binaryAccuracy: number;
  binaryN: number;
}

const CLASSES: readonly Gold[] = ['negative', 'neutral', 'positive'];

export function computeMetrics(golds: readonly Gold[], predictions: readonly Prediction[]): Metrics {
  let correct = 0;
  let binaryN = 0;
  let binaryCorrect = 0;
  const tp = new Map<Gold, number>();
  const predicted = new Map<Gold, number>();
  const actual = new Map<Gold, number>();
  golds.forEach((gold, i) => {
    const prediction = predictions[i];
    if (!prediction) throw new Error(`no prediction for item ${i}`);
    actual.set(gold, (actual.get(gold) ?? 0) + 1);
    predicted.set(prediction.label, (predicted.get(prediction.label) ?? 0) + 1);
    if (prediction.label === gold) {
      correct++;
      tp.set(gold, (tp.get(gold) ?? 0) + 1);
    }
    if (gold !== 'neutral') {
      binaryN++;
      if ((gold === 'positive' && prediction.score > 0) || (gold === 'negative' && prediction.score < 0)) binaryCorrect++;
    }
  });
  // Macro-F1 over the three classes; a class with no gold and no prediction would be skipped, none is here.
  const f1s = CLASSES.filter((c) => (actual.get(c) ?? 0) + (predicted.get(c) ?? 0) > 0).map((c) => {
    const hits = tp.get(c) ?? 0;
    const precision = hits / Math.max(1, predicted.get(c) ?? 0);
    const recall = hits / Math.max(1, actual.get(c) ?? 0);
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return {
    n: golds.length,
    accuracy: correct / Math.max(1, golds.length),
    macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
    binaryAccuracy: binaryCorrect / Math.max(1, binaryN),
    binaryN,
  };
}
