export {
  classifyIntent,
  createIntentClassifier,
  getIntentClassifier,
  type ClassifyIntentOptions,
  type IntentClassifier,
  type IntentFeaturizer,
  type IntentResult,
} from './intent-classifier.ts';
export { INTENT_EXAMPLES_URL, loadIntentExamples, parseIntentExamples, type IntentExample } from './intent-examples.ts';
export { intentFeatures, MAX_INTENT_CHARS, MAX_INTENT_FEATURES, sentimentFeature } from './intent-features.ts';
export { INTENTS, isIntent, type Intent } from './intents.ts';
