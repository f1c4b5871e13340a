import { createRequire } from 'node:module';

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
    natural = createRequire(import.meta.url)('natural') as NaturalModule;
  } finally {
    if (previous === undefined) delete process.env.DOTENV_CONFIG_QUIET;
    else process.env.DOTENV_CONFIG_QUIET = previous;
  }
  return natural;
}
