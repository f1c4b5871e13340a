import type { SentimentLabel } from '@herald/events';

import { loadNatural } from './natural.ts';

/**
 * Intent is said in the first sentences ("how much is…", "please add…"); reading further only adds
 * noise and time, so a 100 KB post costs what a long tweet does.
 */
export const MAX_INTENT_CHARS = 2_000;
/**
 * natural's Bayes classifier multiplies one probability per feature without logs; past a few hundred
 * features the product underflows to 0 for every class. 100 distinct features stay far above that.
 */
export const MAX_INTENT_FEATURES = 100;

// One Unicode-aware pass; every alternative consumes its match without nested quantifiers.
const TOKEN = /(https?:\/\/\S+|www\.\S+)|(@[\p{L}\p{N}_]+)|#([\p{L}\p{N}_]+)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|(\p{Extended_Pictographic})|(\?)|(!)|[.,;:…]/gu;
const MARKS = /\p{M}+/gu;
const REPEATS = /(\p{L})\1{2,}/gu;
const ASCII_WORD = /^[a-z]+$/;
const NUMBER = /^\p{N}+$/u;

export const FEATURE = {
  url: '_url',
  handle: '_handle',
  number: '_num',
  question: '_q',
  exclamation: '_excl',
} as const;

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** "Doesn't" → "doesnt", "Cancelación" → "cancelacion", "sooo" → "soo", "refunds" → "refund". */
function normaliseWord(word: string, stem: (w: string) => string): string {
  const plain = word.toLowerCase().replace(/['’]/g, '').normalize('NFD').replace(MARKS, '').replace(REPEATS, '$1$1');
  if (NUMBER.test(plain)) return FEATURE.number;
  return ASCII_WORD.test(plain) ? stem(plain) : plain;
}

/** The feature standing for the text's sentiment. */
export const sentimentFeature = (label: SentimentLabel) => `_sentiment_${label}`;

/**
 * The features the intent model reads: stemmed words (stop words kept: "how", "can", "please" carry
 * intent), their bigrams, emoji, question and exclamation marks, and placeholders for links,
 * @handles and numbers (an order number says "support", not which order). With the text's
 * sentiment, one feature for it: praise and complaint are told apart by polarity more than by
 * any word, and the sentiment lexicons know far more words than a few hundred examples hold.
 */
export function intentFeatures(text: string, sentiment?: SentimentLabel | null): string[] {
  const natural = loadNatural();
  const stem = (w: string) => natural.PorterStemmer.stem(w);
  const source = cut(typeof text === 'string' ? text : '', MAX_INTENT_CHARS)
    .normalize('NFKC')
    .replaceAll('\uFFFD', ' ');
  const words: string[] = [];
  const features = new Set<string>();
  if (sentiment) features.add(sentimentFeature(sentiment));
  const flushBigrams = () => {
    if (words.length > 1) for (const pair of natural.NGrams.bigrams(words)) features.add(pair.join(' '));
    words.length = 0;
  };
  for (const match of source.matchAll(TOKEN)) {
    const [, url, handle, hashtag, word, emoji, question, exclamation] = match;
    if (url) features.add(FEATURE.url);
    else if (handle) features.add(FEATURE.handle);
    else if (hashtag ?? word) {
      const feature = normaliseWord(hashtag ?? word ?? '', stem);
      features.add(feature);
      words.push(feature);
      continue;
    } else if (emoji) features.add(emoji);
    else if (question) features.add(FEATURE.question);
    else if (exclamation) features.add(FEATURE.exclamation);
    // Bigrams stay within a run of words: "help?" and "pls" do not form a phrase across a mark.
    flushBigrams();
    if (features.size >= MAX_INTENT_FEATURES) break;
  }
  flushBigrams();
  return [...features].slice(0, MAX_INTENT_FEATURES);
}
