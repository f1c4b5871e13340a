import { createRequire } from 'node:module';

/** One document of natural's TfIdf given as term → count (natural takes such a map as it is). */
export type TermCounts = Record<string, number>;

/** The part of natural this lib uses. */
interface NaturalModule {
  TfIdf: new () => {
    addDocument(document: TermCounts): void;
    listTerms(index: number): { term: string; tf: number; idf: number; tfidf: number }[];
  };
  NGrams: { ngrams(tokens: string[], n: number): string[][] };
  stopwords: string[];
}

const require = createRequire(import.meta.url);
let natural: NaturalModule | undefined;

/**
 * natural is loaded on first use. It pulls in dotenv, which prints tips on load unless
 * DOTENV_CONFIG_QUIET is set; the variable is set for the load only, so the host's own setting stays.
 */
export function loadNatural(): NaturalModule {
  if (natural) return natural;
  const previous = process.env.DOTENV_CONFIG_QUIET;
  process.env.DOTENV_CONFIG_QUIET = 'true';
  try {
    natural = require('natural') as NaturalModule;
  } finally {
    if (previous === undefined) delete process.env.DOTENV_CONFIG_QUIET;
    else process.env.DOTENV_CONFIG_QUIET = previous;
  }
  return natural;
}

/** natural ships stop words for more languages than its index exports; the files are plain lists. */
export function loadNaturalStopWords(file: string): readonly string[] {
  loadNatural();
  return (require(`natural/lib/natural/util/${file}`) as { words: string[] }).words;
}
