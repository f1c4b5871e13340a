import { createRequire } from 'node:module';

import { analyzeSentiment, createSentimentAnalyzer, preloadSentimentResources, type SentimentParameters } from '@herald/listening-sentiment';
import type Sentiment from 'sentiment';
import type * as Vader from 'vader-sentiment';

import type { Prediction } from './metrics.ts';

export interface Scorer {
  name: string;
  /** How the score becomes a label, for the table's notes. */
  labelRule: string;
  score(text: string): Prediction;
}

const require = createRequire(import.meta.url);

function bySign(score: number, threshold = 0): Prediction {
  return { score, label: score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral' };
}

export function heraldScorer(name: string, language?: string, parameters?: Partial<SentimentParameters>): Scorer {
  // Vocabularies load on first use; the baselines load theirs when required, so load them now too.
  preloadSentimentResources();
  const analyze = parameters ? createSentimentAnalyzer(parameters) : analyzeSentiment;
  const options = language ? { language } : {};
  return {
    name,
    labelRule: 'fitted neutral band',
    score(text) {
      const result = analyze(text, options);
      return { score: result.score, label: result.label };
    },
  };
}

export function vaderScorer(): Scorer {
  const vader = require('vader-sentiment') as typeof Vader;
  return {
    name: 'vader-sentiment 1.1.3',
    labelRule: 'compound ≥ 0.05 / ≤ -0.05 (VADER authors)',
    score(text) {
      const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
      return { score: compound, label: compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral' };
    },
  };
}

export function afinnScorer(): Scorer {
  const SentimentClass = require('sentiment') as typeof Sentiment;
  const sentiment = new SentimentClass();
  return {
    name: 'sentiment 5.0.2 (AFINN-165)',
    labelRule: 'sign of score',
    score: (text) => bySign(sentiment.analyze(text).score),
  };
}

interface NaturalBaseline {
  SentimentAnalyzer: new (language: string, stemmer: unknown, type: string) => { getSentiment(words: string[]): number };
  PorterStemmer: unknown;
  WordTokenizer: new () => { tokenize(text: string): string[] };
}

export function naturalScorer(): Scorer {
  const previous = process.env.DOTENV_CONFIG_QUIET;
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const natural = require('natural') as NaturalBaseline;
  if (previous === undefined) delete process.env.DOTENV_CONFIG_QUIET;
  else process.env.DOTENV_CONFIG_QUIET = previous;
  const analyzer = new natural.SentimentAnalyzer('English', natural.PorterStemmer, 'afinn');
  const tokenizer = new natural.WordTokenizer();
  return {
    name: 'natural 8.1.1 (English, AFINN, Porter)',
    labelRule: 'sign of score',
    score(text) {
      const words = tokenizer.tokenize(text);
      // natural divides by the word count and returns NaN for no words.
      const score = words.length === 0 ? 0 : analyzer.getSentiment(words);
      return bySign(Number.isFinite(score) ? score : 0);
    },
  };
}
