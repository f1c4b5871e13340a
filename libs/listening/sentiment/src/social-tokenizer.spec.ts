import { describe, expect, it } from 'vitest';

import { MAX_TOKENS, splitHashtag, squeezeElongation, tokenizeSocialText } from './social-tokenizer.ts';

const kinds = (text: string) => tokenizeSocialText(text).tokens.map((t) => `${t.kind}:${t.norm}`);

describe('tokenizeSocialText', () => {
  it('drops URLs and handles, keeps words, emoji, emoticons and clause breaks', () => {
    expect(kinds('@herald loved it :) see https://t.co/x 😍, ok')).toEqual([
      'word:loved',
      'word:it',
      'emoticon::)',
      'word:see',
      'emoji:😍',
      'break:,',
      'word:ok',
    ]);
  });

  it('recognises emoticons with noses, repeated mouths and reversed faces', () => {
    expect(kinds(':-))) ;) <3 </3 xD ^_^ -_- (: ):')).toEqual([
      'emoticon::-)))',
      'emoticon:;)',
      'emoticon:<3',
      'emoticon:</3',
      'emoticon:xD',
      'emoticon:^_^',
      'emoticon:-_-',
      'emoticon:(:',
      'emoticon:):',
    ]);
  });

  it('does not read a closing parenthesis and colon as a face', () => {
    expect(kinds('(see below): ok').filter((k) => k.startsWith('emoticon'))).toEqual([]);
  });

  it('keeps apostrophes and accented letters inside words', () => {
    expect(kinds('don’t perché excel·lent')).toEqual(["word:don't", 'word:perché', 'word:excel·lent']);
  });

  it('marks capitals, elongation and hashtag words', () => {
    const [wow, soo, happy] = tokenizeSocialText('WOW sooo #Happy').tokens;
    expect(wow).toMatchObject({ caps: true, norm: 'wow' });
    expect(soo).toMatchObject({ elongated: true, norm: 'soo' });
    expect(happy).toMatchObject({ hashtag: true, norm: 'happy' });
  });

  it('counts exclamation marks up to four', () => {
    expect(tokenizeSocialText('yes!!!!!!').exclamations).toBe(4);
  });

  it('stops at the token cap', () => {
    const result = tokenizeSocialText('word '.repeat(MAX_TOKENS + 10));
    expect(result.tokens.length).toBe(MAX_TOKENS);
    expect(result.truncated).toBe(true);
  });
});

describe('splitHashtag', () => {
  it.each([
    ['NotHappy', ['Not', 'Happy']],
    ['fail', ['fail']],
    ['best_day_ever', ['best', 'day', 'ever']],
    ['ILoveIt', ['I', 'Love', 'It']],
    ['USAirways', ['US', 'Airways']],
  ])('splits #%s', (body, parts) => {
    expect(splitHashtag(body)).toEqual(parts);
  });
});

describe('squeezeElongation', () => {
  it('cuts runs of three or more letters to two', () => {
    expect(squeezeElongation('goooood')).toEqual({ text: 'good', elongated: true });
    expect(squeezeElongation('good')).toEqual({ text: 'good', elongated: false });
  });
});
