import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { analyzeSentiment } from '@herald/listening-sentiment';

import { classifyIntent, createIntentClassifier, getIntentClassifier } from './intent-classifier.ts';
import { loadIntentExamples, parseIntentExamples } from './intent-examples.ts';
import { intentFeatures, MAX_INTENT_FEATURES } from './intent-features.ts';
import { INTENTS } from './intents.ts';

describe('the shipped labeled set', () => {
  const examples = loadIntentExamples();

  it('has at least 400 examples covering every intent, roughly balanced', () => {
    expect(examples.length).toBeGreaterThanOrEqual(400);
    for (const intent of INTENTS) {
      const share = examples.filter((e) => e.intent === intent).length / examples.length;
      // Balanced within a factor of about 1.5 of an even 1/6.
      expect(share, intent).toBeGreaterThan(0.11);
      expect(share, intent).toBeLessThan(0.25);
    }
  });

  it('holds Spanish, French and German examples of every intent, and no text twice', () => {
    for (const language of ['es', 'fr', 'de']) {
      expect(new Set(examples.filter((e) => e.language === language).map((e) => e.intent))).toEqual(new Set(INTENTS));
    }
    expect(new Set(examples.map((e) => e.text.toLowerCase())).size).toBe(examples.length);
  });
});

describe('parseIntentExamples', () => {
  it('names the line of a bad example', () => {
    const jsonl = '{"text":"hi","intent":"other","language":"en"}\n{"text":"hi","intent":"shopping","language":"en"}\n';
    expect(() => parseIntentExamples(jsonl)).toThrow(/line 2: unknown intent "shopping"/);
    expect(() => parseIntentExamples('{nope')).toThrow(/line 1: not JSON/);
  });
});

describe('classifyIntent', () => {
  // Phrasings that are not in the labeled set.
  it.each([
    ['sales_inquiry', 'hey what does the business plan cost per seat? thinking of buying for my team'],
    ['support_issue', "I can't reset my password, the link in the email doesn't work. help?"],
    ['feature_request', 'please add an option to export everything as PDF, would be super useful'],
    ['praise', 'thank you so much, the support team was amazing 😍'],
    ['complaint', 'worst experience ever, still waiting on my refund. never ordering again 😡'],
    ['other', 'happy monday everyone, coffee time ☕'],
  ])('reads %s in "%s"', (intent, text) => {
    const result = classifyIntent(text);
    expect(result.intent).toBe(intent);
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('answers "other" with confidence 0 when nothing in the text is known', () => {
    for (const text of ['', '   ', '\uFFFD\uFFFD\uFFFD', 'zxqv wvpk']) {
      expect(classifyIntent(text)).toEqual({ intent: 'other', confidence: 0 });
    }
  });

  // Its speed is measured by bench/listening/hostile-texts.ts, not asserted here.
  it('classifies 100 KB of text and gives probabilities that sum to 1', () => {
    const huge = 'my order never arrived and nobody answers. '.repeat(2_400);
    const result = classifyIntent(huge);
    expect(result.confidence).toBeGreaterThan(0);
    const total = getIntentClassifier()
      .probabilities(huge)
      .reduce((sum, p) => sum + p.probability, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('reads praise and complaint partly from the sentiment it is given', () => {
    const praise = (sentiment: 'positive' | 'negative') =>
      getIntentClassifier()
        .probabilities('the pasta sauce is unreal', { sentiment })
        .find((p) => p.intent === 'praise')?.probability ?? 0;
    expect(praise('positive')).toBeGreaterThan(praise('negative'));
  });

  it('is deterministic', () => {
    const text = 'is there a student discount?';
    expect(classifyIntent(text)).toEqual(classifyIntent(text));
  });
});

describe('createIntentClassifier', () => {
  it("gives natural's own BayesClassifier probabilities, through a sparse lookup", () => {
    const examples = loadIntentExamples().filter((_, i) => i % 3 === 0);
    const classifier = createIntentClassifier(examples);
    process.env.DOTENV_CONFIG_QUIET = 'true';
    const natural = createRequire(import.meta.url)('natural') as {
      BayesClassifier: new () => {
        addDocument(t: string[], l: string): void;
        train(): void;
        getClassifications(t: string[]): { label: string; value: number }[];
      };
    };
    const reference = new natural.BayesClassifier();
    const features = (text: string, language?: string) => {
      const sentiment = analyzeSentiment(text, language ? { language } : {});
      return intentFeatures(text, sentiment.scored ? sentiment.label : null);
    };
    for (const e of examples) reference.addDocument(features(e.text, e.language), e.intent);
    reference.train();

    for (const text of ['how much for the pro plan?', 'app crashes on login', 'love it!!', 'add dark mode pls']) {
      const expected = reference.getClassifications(features(text));
      const total = expected.reduce((sum, c) => sum + c.value, 0);
      const got = classifier.probabilities(text);
      expect(got.map((p) => p.intent)).toEqual(expected.map((c) => c.label));
      got.forEach((p, i) => expect(p.probability).toBeCloseTo((expected[i]?.value ?? 0) / total, 12));
    }
  });
});

describe('intentFeatures', () => {
  it('stems words, keeps stop words, and stands in for links, handles and numbers', () => {
    const features = intentFeatures('@acme How do I cancel my order #48213?? https://x.co/a', 'neutral');
    expect(features).toEqual(
      expect.arrayContaining(['_sentiment_neutral', '_handle', 'how', 'do', 'i', 'cancel', 'order', '_num', '_q', '_url', 'how do', 'cancel my']),
    );
  });

  it('reads accents, elongations and typographic apostrophes as their plain forms', () => {
    expect(intentFeatures('Cancelación')).toEqual(['cancelacion']);
    expect(intentFeatures('sooooo')).toEqual(intentFeatures('soo'));
    expect(intentFeatures('doesn’t')).toEqual(intentFeatures("doesn't"));
  });

  it('keeps at most MAX_INTENT_FEATURES features', () => {
    const many = Array.from({ length: 500 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    expect(intentFeatures(many)).toHaveLength(MAX_INTENT_FEATURES);
  });
});
