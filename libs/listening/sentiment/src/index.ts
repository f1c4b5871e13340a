export {
  analyzeSentiment,
  createSentimentAnalyzer,
  DEFAULT_SENTIMENT_PARAMETERS,
  MAX_DRIVERS,
  preloadSentimentResources,
  type AnalyzeSentimentOptions,
  type SentimentAnalyzer,
  type SentimentParameters,
  type SentimentResult,
} from './sentiment-analyzer.ts';
export { compileSentimentRules, RULE_VALENCE, type CompiledSentimentRules, type SentimentRule } from './sentiment-rules.ts';
export { normaliseLanguageCode } from './detect-language.ts';
export { SCORED_LANGUAGES } from './language-profiles.ts';
export { MAX_CHARS, MAX_TOKENS } from './social-tokenizer.ts';
