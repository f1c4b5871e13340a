/**
 * One pass over social text: words, hashtags, emoji, emoticons and the punctuation that matters
 * for sentiment (clause breaks, exclamation marks). URLs and @handles are recognised and dropped.
 *
 * natural's tokenizers split on per-language ASCII classes (Italian on `\W`, which cuts "perché"),
 * and drop emoji and emoticons, so the scan is done here with one Unicode-aware pattern.
 * Every alternative of the pattern consumes its match without nested quantifiers and every
 * repetition that can fail is bounded, so the scan stays linear even on hostile input.
 */

export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'break';

export interface Token {
  kind: TokenKind;
  /** Lower-cased, typographic apostrophes straightened, letter runs of 3+ cut to 2. */
  norm: string;
  /** As written (for drivers). */
  raw: string;
  /** Written in capitals (two letters or more). */
  caps: boolean;
  /** Had a letter repeated three times or more ("sooo"). */
  elongated: boolean;
  /** Came from a #hashtag. */
  hashtag: boolean;
}

export interface TokenizedText {
  tokens: Token[];
  /** Exclamation marks in the text, capped at 4. */
  exclamations: number;
  /** Set when the text or token cap cut the analysis short. */
  truncated: boolean;
}

/** A mention may be 100 KB; sentiment is decided long before that, and time must stay bounded. */
export const MAX_CHARS = 20_000;
export const MAX_TOKENS = 2_000;

const URL = String.raw`https?:\/\/\S*|www\.\S+`;
const MENTION = String.raw`@[\p{L}\p{N}_]+`;
const HASHTAG = String.raw`#[\p{L}\p{N}_]+`;
// Eyes, optional nose, 1-3 mouths; the reverse forms must stand apart from words. Letter-shaped
// emoticons ("xD") are matched as words and recognised afterwards, so words are not slowed by them.
const EMOTICON = [
  String.raw`(?<![:\/])[<>]?[:;=][-'^]?[()[\]{}<>DPpbO03*|\/\\@$Ssc]{1,3}(?![\p{L}\p{N}])`,
  String.raw`(?<![^\s])[()]{1,2}-?[:;=](?![^\s])`,
  String.raw`<\/?3{1,3}(?!\d)`,
  String.raw`\^[_.\-]?\^`,
  String.raw`-_{1,3}-`,
  String.raw`;_;|>_<|\\o\/`,
].join('|');
const WORD = String.raw`[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}·]|['’](?=[\p{L}\p{N}]))*`;
const EMOJI = String.raw`\p{Extended_Pictographic}|♡`;
const PUNCT = String.raw`!|[.,;:?…]`;

// Words first: most tokens are words, and an alternative that fails still costs its attempt.
const TOKEN_PATTERN = new RegExp(`(${URL})|(${MENTION})|(${HASHTAG})|(${WORD})|(${EMOJI})|(${EMOTICON})|(${PUNCT})`, 'gu');

const ENTITY_PATTERN = /&(?:amp|lt|gt|quot|apos|#39);/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

/** Cuts at `max` UTF-16 units without leaving half a surrogate pair behind. */
function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Whether a letter repeats three times or more in a row ("sooo"). */
function isElongated(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Runs of three or more identical letters become two: "goooood" → "good", "sooo" → "soo". */
export function squeezeElongation(word: string): { text: string; elongated: boolean } {
  if (!isElongated(word)) return { text: word, elongated: false };
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    run = i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1) ? run + 1 : 1;
    if (run <= 2) out += word[i];
  }
  return { text: out, elongated: true };
}

/** Every run of repeated letters becomes one: "loovvee" → "love". */
export function squeezeAll(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    if (i === 0 || word.charCodeAt(i) !== word.charCodeAt(i - 1)) out += word[i];
  }
  return out;
}

/** "xD", "XDD": a laughing face written with letters. */
function isLaughingFace(word: string): boolean {
  if (word.length < 2 || word.length > 4 || (word[0] !== 'x' && word[0] !== 'X')) return false;
  for (let i = 1; i < word.length; i++) if (word[i] !== 'D') return false;
  return true;
}

/** Two letters or more, none lower-case; ASCII words are decided without building new strings. */
function isCaps(word: string, lower: string): boolean {
  if (word.length < 2 || word === lower) return false;
  let upper = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x80) return word === word.toUpperCase();
  }
  return upper >= 2;
}

function wordToken(raw: string, hashtag: boolean): Token {
  let lower = raw.toLowerCase();
  if (lower.includes('’')) lower = lower.replaceAll('’', "'");
  const elongated = lower.length > 2 && isElongated(lower);
  const norm = elongated ? squeezeElongation(lower).text : lower;
  return { kind: 'word', norm, raw, caps: isCaps(raw, lower), elongated, hashtag };
}

/** "#NotHappy" → Not, Happy; "#fail" → fail; "#best_day_ever" → best, day, ever; "#ILoveIt" → I, Love, It. */
export function splitHashtag(body: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === '_') {
      if (current !== '') parts.push(current);
      current = '';
      continue;
    }
    const prev = body[i - 1] ?? '';
    const boundary = current !== '' && ((isLower(prev) && isUpper(ch)) || (isUpper(prev) && isUpper(ch) && isLower(body[i + 1] ?? '')));
    if (boundary) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

function isLower(ch: string): boolean {
  return ch !== '' && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}
function isUpper(ch: string): boolean {
  return ch !== '' && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

export function tokenizeSocialText(input: string): TokenizedText {
  let text = capLength(typeof input === 'string' ? input : '', MAX_CHARS);
  let truncated = text.length < (typeof input === 'string' ? input.length : 0);
  if (text.includes('&')) text = text.replace(ENTITY_PATTERN, (entity) => ENTITIES[entity] ?? entity);

  const tokens: Token[] = [];
  let exclamations = 0;
  // Shared pattern: the loop below never yields, so resetting lastIndex is enough.
  const pattern = TOKEN_PATTERN;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (tokens.length >= MAX_TOKENS) {
      truncated = true;
      break;
    }
    // Indexed, not destructured: destructuring walks the array's iterator, which is slow here.
    if (match[1] !== undefined || match[2] !== undefined) continue;
    const whole = match[0];
    const hashtag = match[3];
    const word = match[4];
    const emoji = match[5];
    const emoticon = match[6];
    if (hashtag !== undefined) {
      for (const part of splitHashtag(hashtag.slice(1))) tokens.push(wordToken(part, true));
    } else if (emoticon !== undefined) {
      tokens.push({ kind: 'emoticon', norm: emoticon, raw: emoticon, caps: false, elongated: false, hashtag: false });
    } else if (word !== undefined) {
      if (isLaughingFace(word)) tokens.push({ kind: 'emoticon', norm: 'xD', raw: word, caps: false, elongated: false, hashtag: false });
      else tokens.push(wordToken(word, false));
    } else if (emoji !== undefined) {
      tokens.push({ kind: 'emoji', norm: emoji, raw: emoji, caps: false, elongated: false, hashtag: false });
    } else if (whole === '!') {
      if (exclamations < 4) exclamations++;
      tokens.push({ kind: 'break', norm: '!', raw: '!', caps: false, elongated: false, hashtag: false });
    } else {
      tokens.push({ kind: 'break', norm: whole, raw: whole, caps: false, elongated: false, hashtag: false });
    }
  }
  return { tokens, exclamations, truncated };
}
