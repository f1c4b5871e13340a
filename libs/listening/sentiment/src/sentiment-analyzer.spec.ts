import { MentionAnalyzedPayloadSchema } from '@herald/events';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';

import { analyzeSentiment, compileSentimentRules, DEFAULT_SENTIMENT_PARAMETERS, MAX_DRIVERS, type SentimentRule } from './index.ts';

const score = (text: string, language = 'en') => analyzeSentiment(text, { language }).score;

describe('analyzeSentiment: rules of social text', () => {
  it('flips the polarity of a negated word', () => {
    expect(score('the update is good')).toBeGreaterThan(0);
    expect(score('the update is not good')).toBeLessThan(0);
    expect(score('the food was bad')).toBeLessThan(0);
    expect(score('the food was not bad')).toBeGreaterThan(0);
    expect(score("I don't like the new logo")).toBeLessThan(0);
  });

  it('does not negate through idioms such as "at least"', () => {
    expect(score('at least the staff were nice')).toBeGreaterThan(0);
  });

  it('raises the magnitude with an intensifier and lowers it with a dampener', () => {
    expect(score('the support team is very helpful')).toBeGreaterThan(score('the support team is helpful'));
    expect(score('the support team is kinda helpful')).toBeLessThan(score('the support team is helpful'));
    expect(score('the app is really awful')).toBeLessThan(score('the app is awful'));
  });

  it('gives the clause after "but" the larger weight', () => {
    expect(score('The food was great but the service was terrible')).toBeLessThan(0);
    expect(score('The food was terrible but the service was great')).toBeGreaterThan(0);
  });

  it('discounts the clause opened by "although"', () => {
    expect(score('Although the screen is great, the battery is terrible')).toBeLessThan(0);
  });

  it('counts emoji and emoticons', () => {
    expect(score('new menu 😍')).toBeGreaterThan(0);
    expect(score('new menu 😡')).toBeLessThan(0);
    expect(score('see you tomorrow :)')).toBeGreaterThan(0);
    expect(score("see you tomorrow :'(")).toBeLessThan(0);
    expect(score('love it 😍😍')).toBeGreaterThan(score('love it'));
  });

  it('reads elongated words and weighs them more', () => {
    const result = analyzeSentiment('this is goooood', { language: 'en' });
    expect(result.score).toBeGreaterThan(score('this is good'));
    expect(result.drivers).toEqual(['goooood']);
  });

  it('splits hashtags into words', () => {
    const result = analyzeSentiment('Waited two hours #NotHappy', { language: 'en' });
    expect(result.label).toBe('negative');
    expect(result.drivers).toContain('not happy');
    expect(score('our new release #fail')).toBeLessThan(0);
  });

  it('weighs words in capitals more when the rest of the text is not in capitals', () => {
    expect(score('the show was AMAZING tonight')).toBeGreaterThan(score('the show was amazing tonight'));
  });

  it('weighs exclamation marks', () => {
    expect(score('great job!!!')).toBeGreaterThan(score('great job'));
  });

  it('reads chat spellings and slang', () => {
    expect(score('luv this')).toBeGreaterThan(0);
    expect(score('hahaha')).toBeGreaterThan(0);
    expect(score('ugh, again')).toBeLessThan(0);
  });

  it('reads a negated function verb as a complaint', () => {
    expect(score("the app doesn't work")).toBeLessThan(0);
    expect(score('my parcel never arrived')).toBeLessThan(0);
    expect(score('the app works')).toBeGreaterThanOrEqual(0);
  });

  it('reads "like" as sentiment only after a subject', () => {
    expect(score('I like the new logo')).toBeGreaterThan(0);
    expect(score('it looks like rain')).toBe(0);
  });
});

describe('analyzeSentiment: workspace rules', () => {
  const rules: SentimentRule[] = [
    { term: 'killer feature', sentiment: 'positive' },
    { term: 'war zone', sentiment: 'neutral' },
    { term: 'sick', sentiment: 'positive' },
  ];

  it('lets a rule override the vocabulary', () => {
    expect(score('the new map is a war zone')).toBeLessThan(0);
    expect(analyzeSentiment('the new map is a war zone', { language: 'en', rules }).score).toBe(0);
    expect(analyzeSentiment('that trick was sick', { language: 'en', rules }).label).toBe('positive');
  });

  it('scores a multi-word rule as one term and names it as the driver', () => {
    const result = analyzeSentiment('sync is the killer feature', { language: 'en', rules });
    expect(result.label).toBe('positive');
    expect(result.drivers).toEqual(['killer feature']);
  });

  it('applies negation to a rule term', () => {
    expect(analyzeSentiment('sync is not a killer feature', { language: 'en', rules }).score).toBeLessThan(0);
  });

  it('accepts compiled rules and compiles an array once', () => {
    const compiled = compileSentimentRules(rules);
    expect(compileSentimentRules(rules)).toBe(compiled);
    expect(analyzeSentiment('a killer feature', { language: 'en', rules: compiled }).label).toBe('positive');
  });

  it('lets a later rule for the same term replace the earlier one', () => {
    const compiled = compileSentimentRules([
      { term: 'Killer Feature', sentiment: 'negative' },
      { term: 'killer feature', sentiment: 'positive' },
    ]);
    expect(compiled.size).toBe(1);
    expect(analyzeSentiment('a killer feature', { language: 'en', rules: compiled }).label).toBe('positive');
  });

  it('applies a rule in any language the analyzer scores', () => {
    const spanish: SentimentRule[] = [{ term: 'brutal', sentiment: 'positive' }];
    expect(analyzeSentiment('el nuevo modo es brutal', { language: 'es', rules: spanish }).label).toBe('positive');
  });
});

describe('analyzeSentiment: languages', () => {
  it.each([
    ['Me encanta este producto, es muy bueno', 'spa', 'positive'],
    ['Isto é muito bom, adorei', 'por', 'positive'],
    ["C'est vraiment nul, je suis déçu", 'fra', 'negative'],
    ['Das ist wirklich nicht gut', 'deu', 'negative'],
    ['Questo è un prodotto bellissimo', 'ita', 'positive'],
    ['Dit is echt heel slecht', 'nld', 'negative'],
    ['I love the new update', 'eng', 'positive'],
  ])('detects and scores %j as %s', (text, language, label) => {
    const result = analyzeSentiment(text);
    expect(result).toMatchObject({ language, label, scored: true });
  });

  it.each([
    ['Jeg elsker det nye design, det er virkelig godt', 'dan'],
    ['Saya tidak suka ini sama sekali', 'ind'],
    ['Это очень хорошо', undefined],
    ['最高のアップデートです', 'jpn'],
  ])('marks %j unscored, never read as English', (text, language) => {
    const result = analyzeSentiment(text);
    expect(result).toMatchObject({ scored: false, score: 0, label: 'neutral', drivers: [] });
    expect(result.language).not.toBe('eng');
    if (language) expect(result.language).toBe(language);
  });

  it('uses the language the source gives, in ISO 639-1, 639-3 or BCP 47 form', () => {
    expect(analyzeSentiment('good', { language: 'en-GB' }).language).toBe('eng');
    expect(analyzeSentiment('bueno', { language: 'spa' }).language).toBe('spa');
    expect(analyzeSentiment('dobre', { language: 'pl' })).toMatchObject({ language: 'pol', scored: false });
  });

  it('detects when the source says it does not know ("und", X\'s "qme")', () => {
    expect(analyzeSentiment('I love it', { language: 'und' }).language).toBe('eng');
    expect(analyzeSentiment('I love it', { language: 'qme' }).language).toBe('eng');
  });

  it('reads a short text as English only when its words are English', () => {
    expect(analyzeSentiment('great')).toMatchObject({ language: 'eng', label: 'positive' });
    expect(analyzeSentiment('Awful service, again')).toMatchObject({ language: 'eng', label: 'negative' });
    expect(analyzeSentiment('gracias')).toMatchObject({ language: 'und', scored: false });
  });
});

describe('analyzeSentiment: robustness', () => {
  it.each([
    ['empty text', ''],
    ['whitespace', ' \n\t '],
    ['only a URL', 'https://example.com/a?b=c'],
    ['only handles', '@herald @support'],
    ['replacement characters', '\uFFFD\uFFFD\uFFFD'],
    ['a lone surrogate', '\uD83D'],
  ])('returns an unscored neutral result for %s', (_, text) => {
    expect(analyzeSentiment(text)).toEqual({ score: 0, label: 'neutral', scored: false, language: 'und', drivers: [] });
  });

  it('ignores malformed rules instead of throwing', () => {
    const rules = [null, { term: '' }, { term: 'meh', sentiment: 'great' }, { term: 'sick', sentiment: 'positive' }];
    expect(analyzeSentiment('sick trick', { language: 'en', rules: rules as unknown as SentimentRule[] }).label).toBe('positive');
    expect(analyzeSentiment('sick trick', { language: 'en', rules: {} as unknown as SentimentRule[] }).scored).toBe(true);
  });

  it('does not throw on a value that is not a string', () => {
    // The analyzer sits behind a Kafka consumer; a malformed payload must not crash it.
    expect(analyzeSentiment(null as unknown as string).scored).toBe(false);
    expect(analyzeSentiment(42 as unknown as string, { language: 7 as unknown as string }).scored).toBe(false);
  });

  it('scores a text of emoji only, with no language', () => {
    expect(analyzeSentiment('😍😍😍')).toMatchObject({ scored: true, label: 'positive', language: 'und' });
    expect(analyzeSentiment('10/10 👍')).toMatchObject({ scored: true, label: 'positive', language: 'und' });
  });

  it('scores mixed scripts and replacement characters around English', () => {
    const result = analyzeSentiment('I love this café \uFFFD\uFFFD — 東京 ❤️');
    expect(result).toMatchObject({ scored: true, label: 'positive', language: 'eng' });
  });

  it('decodes the HTML entities tweets carry', () => {
    expect(analyzeSentiment('you &lt;3', { language: 'en' }).label).toBe('positive');
  });

  // Speed on these texts is measured by bench/listening/hostile-texts.ts, not asserted here.
  it('analyzes 100 KB of text', () => {
    const text = 'The service was terrible and the food was cold. '.repeat(2_100);
    expect(text.length).toBeGreaterThan(100_000);
    const result = analyzeSentiment(text);
    expect(result).toMatchObject({ scored: true, label: 'negative' });
  });

  it.each([
    ['parentheses', ')'.repeat(100_000)],
    ['colons', ':'.repeat(100_000)],
    ['one long word', 'a'.repeat(100_000)],
    ['carets and underscores', '^_'.repeat(50_000)],
    ['URL-like text', `http://${'x'.repeat(100_000)}`],
  ])('analyzes a hostile run of %s', (_, text) => {
    expect(analyzeSentiment(text).score).toBeGreaterThanOrEqual(-1);
  });
});

describe('analyzeSentiment: output', () => {
  it('names the words that drove the score, strongest first', () => {
    const result = analyzeSentiment('I love the camera but the battery is terrible', { language: 'en' });
    expect(result.label).toBe('negative');
    expect(result.drivers).toEqual(['terrible', 'love']);
  });

  it('names a negated word with its negator', () => {
    expect(analyzeSentiment('not bad at all', { language: 'en' }).drivers).toEqual(['not bad']);
  });

  it(`lists at most ${MAX_DRIVERS} drivers, each once`, () => {
    const result = analyzeSentiment('good great nice awesome love happy fun cool best perfect amazing wonderful good great', {
      language: 'en',
    });
    expect(result.drivers.length).toBe(MAX_DRIVERS);
    expect(new Set(result.drivers).size).toBe(result.drivers.length);
  });

  it('keeps the score in [-1, 1] and labels it by the neutral band', () => {
    const band = DEFAULT_SENTIMENT_PARAMETERS.neutralThreshold;
    for (const text of ['love love love love love love love!!!!', 'hate hate hate hate hate hate!!!!', 'the meeting is at noon', 'ok']) {
      const { score, label } = analyzeSentiment(text, { language: 'en' });
      expect(Math.abs(score)).toBeLessThanOrEqual(1);
      expect(label).toBe(score >= band ? 'positive' : score <= -band ? 'negative' : 'neutral');
    }
  });

  it('matches the sentiment object of mention.analyzed', () => {
    const schema = MentionAnalyzedPayloadSchema.properties.sentiment;
    for (const text of ['I love it', '', 'Jeg elsker det', '😍']) {
      const { language, ...sentiment } = analyzeSentiment(text);
      expect(Value.Check(schema, sentiment)).toBe(true);
      expect(language).toMatch(/^([a-z]{3}|und)$/);
    }
  });
});
