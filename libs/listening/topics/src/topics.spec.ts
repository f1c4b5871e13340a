import { describe, expect, it } from 'vitest';

import { stopWordsFor } from './stop-words.ts';
import { contentRuns, extractTerms, mentionKeywords } from './terms.ts';
import { keywordsByPeriod, topicBucketStart, topTopics, trendingTopics, type TopicMention } from './topics.ts';

const at = (text: string, occurredAt: string, language = 'en'): TopicMention => ({ text, language, occurredAt });

describe('terms', () => {
  it('splits phrases at stop words, punctuation, emoji and links, and drops handles', () => {
    expect(contentRuns('My new phone battery dies fast 😡 and the screen flickers https://x.co/1 @acme')).toEqual([
      ['phone', 'battery', 'dies', 'fast'],
      ['screen', 'flickers'],
    ]);
  });

  it('reads a hashtag as its word, cuts elongations and possessives', () => {
    expect(extractTerms('#Refund nowww')).toEqual(['refund', 'noww', 'refund noww']);
    expect(extractTerms("Lumen's timeline")).toEqual(['lumen', 'timeline', 'lumen timeline']);
  });

  it('leaves judgments to the sentiment: "great" and "love" are not topics', () => {
    expect(extractTerms('great app, love the timeline')).toEqual(['app', 'timeline']);
  });

  it('uses the stop words of the given language, ISO 639-1 or -3', () => {
    expect(extractTerms('la aplicación nueva no funciona', 'es')).toEqual(['aplicación', 'nueva', 'aplicación nueva', 'funciona']);
    expect(extractTerms('die Lieferung ist zu spät', 'deu')).toEqual(['lieferung', 'spät']);
    expect(stopWordsFor('fra').has('nous')).toBe(true);
    // Unknown languages fall back to English and social fillers.
    expect(stopWordsFor('xx').has('the')).toBe(true);
  });

  it('gives words before phrases, the most repeated first, and at most `limit`', () => {
    expect(mentionKeywords('please add dark mode, dark mode is a must', 'en')).toEqual(['dark', 'mode', 'dark mode', 'add', 'add dark', 'add dark mode']);
    expect(mentionKeywords('one two three four five six seven eight nine ten eleven twelve thirteen', 'en', { limit: 3 })).toHaveLength(3);
  });

  it('has no keyword for empty text, emoji, links, or U+FFFD, and does not choke on 100 KB', () => {
    for (const text of ['', '😡😡', 'https://example.com/x', '\uFFFD\uFFFD']) expect(mentionKeywords(text)).toEqual([]);
    // How fast is bench/listening/hostile-texts.ts's question; here, that it finishes with the right keywords.
    expect(mentionKeywords('shipping delay refund '.repeat(5_000))).toEqual(expect.arrayContaining(['shipping', 'delay', 'refund']));
  });
});

describe('topTopics', () => {
  const mentions = [
    at('please add dark mode', '2026-03-02T10:00:00Z'),
    at('dark mode when??', '2026-03-02T11:00:00Z'),
    at('still no dark mode, come on', '2026-03-03T10:00:00Z'),
    at('battery drains fast', '2026-03-03T11:00:00Z'),
    at('battery drains overnight', '2026-03-03T12:00:00Z'),
    at('love the app', '2026-03-03T13:00:00Z'),
  ];

  it('ranks terms by mentions holding them, and gives a phrase instead of the words it almost always holds', () => {
    expect(topTopics(mentions)).toEqual([
      // 3 of 6 mentions; "dark" and "mode" alone would say it again.
      { term: 'dark mode', mentions: 3, share: 0.5 },
      { term: 'battery drains', mentions: 2, share: 2 / 6 },
    ]);
  });

  it('leaves out terms below the minimum and excluded names with their phrases', () => {
    expect(topTopics(mentions, { minMentions: 3 })).toEqual([{ term: 'dark mode', mentions: 3, share: 0.5 }]);
    expect(topTopics(mentions, { exclude: ['Dark'] }).map((t) => t.term)).toEqual(['mode', 'battery drains']);
  });

  it('counts a mention repeating a term once, and uses stored terms when given', () => {
    const spam = [at('refund refund refund refund', '2026-03-02T10:00:00Z'), at('refund please', '2026-03-02T10:00:00Z')];
    expect(topTopics(spam)[0]).toEqual({ term: 'refund', mentions: 2, share: 1 });
    const stored = [
      { text: 'ignored', occurredAt: '2026-03-02T10:00:00Z', terms: ['checkout'] },
      { text: '', occurredAt: '2026-03-02T10:00:00Z', terms: ['checkout'] },
    ];
    expect(topTopics(stored)).toEqual([{ term: 'checkout', mentions: 2, share: 1 }]);
  });
});

describe('keywordsByPeriod', () => {
  it("ranks each day's terms by TF-IDF, so a term said every day falls below one said that day only", () => {
    const days = keywordsByPeriod(
      [
        at('login broken', '2026-03-02T08:00:00Z'),
        at('login broken again', '2026-03-02T09:00:00Z'),
        at('checkout error', '2026-03-02T10:00:00Z'),
        at('checkout error', '2026-03-02T11:00:00Z'),
        at('checkout error', '2026-03-03T10:00:00Z'),
        at('checkout error today', '2026-03-03T11:00:00Z'),
      ],
      { bucket: 'day' },
    );
    expect(days.map((d) => [d.start, d.end, d.mentions])).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', 4],
      ['2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z', 2],
    ]);
    // Both have 2 mentions on day 1; "login broken" is only on day 1 (idf 1 + ln(2/2) = 1),
    // "checkout error" on both days (idf 1 + ln(2/3) ≈ 0.595).
    expect(days[0]?.keywords).toEqual([
      { term: 'login broken', mentions: 2, tfidf: 2 },
      { term: 'checkout error', mentions: 2, tfidf: 1.189 },
    ]);
  });

  it('never reads an inherited property as a term count', () => {
    const days = keywordsByPeriod([at('constructor toString', '2026-03-02T08:00:00Z'), at('constructor', '2026-03-02T09:00:00Z')]);
    expect(days[0]?.keywords[0]).toMatchObject({ term: 'constructor', mentions: 2 });
  });
});

describe('trendingTopics', () => {
  const previous = [
    at('battery drains', '2026-02-24T10:00:00Z'),
    at('battery drains fast', '2026-02-24T11:00:00Z'),
    at('battery issue again', '2026-02-25T10:00:00Z'),
    at('love the app', '2026-02-26T10:00:00Z'),
  ];

  it('reports terms said far more than the previous period would predict, strongest rise first', () => {
    const current = [
      at('dark mode please', '2026-03-02T10:00:00Z'),
      at('need dark mode', '2026-03-02T11:00:00Z'),
      at('dark mode when', '2026-03-03T10:00:00Z'),
      at('battery drains', '2026-03-03T11:00:00Z'),
      at('battery drains fast', '2026-03-03T12:00:00Z'),
      at('battery drains overnight', '2026-03-03T13:00:00Z'),
      at('love the app', '2026-03-03T14:00:00Z'),
      at('checkout error', '2026-03-04T10:00:00Z'),
    ];
    // Volume doubled (8 vs 4): "battery drains" was said 2 times, so 4 are expected and 3 is no rise.
    // "dark mode" was never said: expected 0, lift (3 + 1) / (0 + 1) = 4, score 3 / √1 = 3.
    expect(trendingTopics(current, previous)).toEqual([{ term: 'dark mode', mentions: 3, previousMentions: 0, expected: 0, lift: 4, score: 3 }]);
  });

  it('needs a minimum of mentions, so noise does not trend', () => {
    const current = [at('new gadget', '2026-03-02T10:00:00Z'), at('new gadget', '2026-03-02T11:00:00Z')];
    expect(trendingTopics(current, previous)).toEqual([]);
    expect(trendingTopics(current, previous, { minMentions: 2 }).map((t) => t.term)).toEqual(['gadget']);
  });

  it('says nothing without a previous period to compare with', () => {
    expect(trendingTopics([at('dark mode', '2026-03-02T10:00:00Z')], [])).toEqual([]);
  });
});

describe('topicBucketStart', () => {
  it('cuts UTC hours, days and ISO weeks (from Monday)', () => {
    const t = new Date('2026-03-05T17:45:00Z'); // a Thursday
    expect(topicBucketStart(t, 'hour').toISOString()).toBe('2026-03-05T17:00:00.000Z');
    expect(topicBucketStart(t, 'day').toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(topicBucketStart(t, 'week').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
