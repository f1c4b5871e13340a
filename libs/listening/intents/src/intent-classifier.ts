import type { SentimentLabel } from '@herald/events';
import { analyzeSentiment } from '@herald/listening-sentiment';

import { intentFeatures } from './intent-features.ts';
import { loadIntentExamples, type IntentExample } from './intent-examples.ts';
import { isIntent, type Intent } from './intents.ts';
import { loadNatural } from './natural.ts';

export interface IntentResult {
  intent: Intent;
  /**
   * The model's posterior probability of `intent`, in [0, 1]. 0 when nothing in the text is known to
   * the model (empty text, only links, an unseen script): the intent is then "other" by default.
   */
  confidence: number;
}

export interface ClassifyIntentOptions {
  /**
   * The text's sentiment when the caller has it already (null: the language could not be scored).
   * Computed with `analyzeSentiment` when absent.
   */
  sentiment?: SentimentLabel | null;
  /** The text's language, for that sentiment analysis. */
  language?: string;
}

export interface IntentClassifier {
  classify(text: string, options?: ClassifyIntentOptions): IntentResult;
  /** Every intent with its posterior probability, most likely first (empty when nothing is known). */
  probabilities(text: string, options?: ClassifyIntentOptions): { intent: Intent; probability: number }[];
}

export type IntentFeaturizer = (text: string, sentiment: SentimentLabel | null) => string[];

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function sentimentOf(text: string, options: ClassifyIntentOptions): SentimentLabel | null {
  if (options.sentiment !== undefined) return options.sentiment;
  const sentiment = analyzeSentiment(text, options.language ? { language: options.language } : {});
  return sentiment.scored ? sentiment.label : null;
}

/**
 * A naive Bayes model (natural's BayesClassifier) trained on `examples`.
 *
 * natural turns each text into a 0/1 vector over its whole vocabulary and then scans that vector,
 * which costs vocabulary × tokens per call. The trained model also accepts a sparse observation
 * (the indices of the features present) and computes the very same probabilities from it, so the
 * feature indices are looked up once here and classification costs only the text's own features.
 */
export function createIntentClassifier(examples: readonly IntentExample[], options: { features?: IntentFeaturizer } = {}): IntentClassifier {
  const featuresOf = options.features ?? intentFeatures;
  const bayes = new (loadNatural().BayesClassifier)();
  for (const example of examples) {
    bayes.addDocument(featuresOf(example.text, sentimentOf(example.text, { language: example.language })), example.intent);
  }
  bayes.train();
  // natural numbers its features in the key order of `features`; so does Object.keys.
  const index = new Map(Object.keys(bayes.features).map((feature, i) => [feature, i]));

  const probabilities = (text: string, classifyOptions: ClassifyIntentOptions = {}) => {
    if (typeof text !== 'string') return [];
    const observation: Record<string, number> = {};
    let known = 0;
    for (const feature of featuresOf(text, sentimentOf(text, classifyOptions))) {
      const i = index.get(feature);
      if (i !== undefined) observation[known++] = i;
    }
    if (known === 0) return [];
    const scored = bayes.classifier.getClassifications(observation).filter((c) => isIntent(c.label));
    const total = scored.reduce((sum, c) => sum + c.value, 0);
    if (!(total > 0)) return [];
    return scored.map((c) => ({ intent: c.label as Intent, probability: c.value / total }));
  };

  return {
    probabilities,
    classify(text, classifyOptions) {
      const best = probabilities(text, classifyOptions)[0];
      return best ? { intent: best.intent, confidence: round(best.probability) } : { intent: 'other', confidence: 0 };
    },
  };
}

let shipped: IntentClassifier | undefined;

/** The classifier trained on the shipped labeled set; trained once, on first use (about a second). */
export function getIntentClassifier(): IntentClassifier {
  shipped ??= createIntentClassifier(loadIntentExamples());
  return shipped;
}

/**
 * The intent of a mention: `sales_inquiry`, `support_issue`, `feature_request`, `praise`,
 * `complaint` or `other`, with the model's confidence. Pass the sentiment when it is known already,
 * to save analysing the text twice. Never throws on any string.
 */
export function classifyIntent(text: string, options: ClassifyIntentOptions = {}): IntentResult {
  if (typeof text !== 'string') return { intent: 'other', confidence: 0 };
  return getIntentClassifier().classify(text, options);
}
