import { requireNatural, requireNaturalFile } from '@herald/listening-natural';

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

/** natural, loaded quietly on first use. */
export const loadNatural = (): NaturalModule => requireNatural<NaturalModule>();

/** natural ships stop words for more languages than its index exports; the files are plain lists. */
export function loadNaturalStopWords(file: string): readonly string[] {
  return requireNaturalFile<{ words: string[] }>(`lib/natural/util/${file}`).words;
}
