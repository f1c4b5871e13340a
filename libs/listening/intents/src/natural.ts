import { requireNatural } from '@herald/listening-natural';

/** The part of natural this lib uses. */
export interface NaturalBayesClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  /** Token → number of training documents holding it; its key order is the feature index order. */
  features: Record<string, number>;
  classifier: {
    /** Sparse observation: any keys, each value the index of a feature that is present. */
    getClassifications(observation: Record<string, number>): { label: string; value: number }[];
  };
  getClassifications(tokens: string[]): { label: string; value: number }[];
}

interface NaturalModule {
  BayesClassifier: new () => NaturalBayesClassifier;
  PorterStemmer: { stem(word: string): string };
  NGrams: { bigrams(tokens: string[]): string[][] };
}

/** natural, loaded quietly on first use. */
export const loadNatural = (): NaturalModule => requireNatural<NaturalModule>();
