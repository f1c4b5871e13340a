import { loadNatural } from './natural.ts';
import { stopWordsFor } from './stop-words.ts';

/** Topics are decided in the first pages of a long post; time stays bounded for 100 KB texts. */
export const MAX_TOPIC_CHARS = 20_000;
/** Longest key phrase, in words. */
export const MAX_PHRASE_WORDS = 3;
/** Keywords kept per mention. */
export const DEFAULT_MENTION_KEYWORDS = 12;

// Links and @handles are dropped; "#" is a mark, so "#DarkMode" counts as the word "darkmode".
// Words: letters and digits, inner apostrophes and hyphens ("don't", "e-bike").
const TOKEN = /(https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+)|([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;
const HAS_LETTER = /\p{L}/u;
const POSSESSIVE = /'s$/;
const REPEATS = /(\p{L})\1{2,}/gu;
/** A "word" longer than this is a run of unspaced script or junk, not a keyword. */
const MAX_WORD = 30;

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * The runs of content words of a text: lower-cased, elongations cut ("sooo" → "soo"), split at
 * stop words, punctuation, emoji and links, so that a run is a candidate key phrase.
 */
export function contentRuns(text: string, language?: string): string[][] {
  const stop = stopWordsFor(language);
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const source = cut(typeof text === 'string' ? text : '', MAX_TOPIC_CHARS)
    .normalize('NFKC')
    .replaceAll('\uFFFD', ' ');
  for (const [, dropped, word] of source.matchAll(TOKEN)) {
    if (dropped || !word) {
      close();
      continue;
    }
    // "Lumen's" is Lumen: the possessive would split one topic in two.
    const norm = word.toLowerCase().replaceAll('’', "'").replace(REPEATS, '$1$1').replace(POSSESSIVE, '');
    if (norm.length < 2 || norm.length > MAX_WORD || !HAS_LETTER.test(norm) || stop.has(norm)) {
      close();
      continue;
    }
    run.push(norm);
  }
  close();
  return runs;
}

/** Each distinct term of a text: its content words and the 2- and 3-word phrases inside a run. */
export function extractTerms(text: string, language?: string): string[] {
  return [...termCounts(text, language).keys()];
}

function termCounts(text: string, language?: string): Map<string, { count: number; first: number; words: number }> {
  const { NGrams } = loadNatural();
  const counts = new Map<string, { count: number; first: number; words: number }>();
  let position = 0;
  const add = (term: string, words: number) => {
    const seen = counts.get(term);
    if (seen) seen.count++;
    else counts.set(term, { count: 1, first: position++, words });
  };
  for (const run of contentRuns(text, language)) {
    for (const word of run) add(word, 1);
    for (let n = 2; n <= Math.min(MAX_PHRASE_WORDS, run.length); n++) {
      for (const gram of NGrams.ngrams(run, n)) add(gram.join(' '), n);
    }
  }
  return counts;
}

/**
 * The keywords of one mention, for storage with its analysis and counting per period: the most
 * repeated terms first, then words before phrases (a word is shared by more mentions than any
 * phrase holding it), then in order of appearance.
 */
export function mentionKeywords(text: string, language?: string, options: { limit?: number } = {}): string[] {
  const limit = options.limit ?? DEFAULT_MENTION_KEYWORDS;
  return [...termCounts(text, language).entries()]
    .sort(([, a], [, b]) => b.count - a.count || a.words - b.words || a.first - b.first)
    .slice(0, limit)
    .map(([term]) => term);
}
