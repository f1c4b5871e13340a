import type { SentimentLabel } from '@herald/events';

import { detectLanguage, normaliseLanguageCode, UNDETERMINED } from './detect-language.ts';
import { isEnglishWord, lemmaCandidates } from './english-vocabulary.ts';
import { getEmojiValences, getLanguageLexicon, type Connective, type LanguageLexicon, type Phrase } from './language-lexicon.ts';
import { SCORED_LANGUAGES } from './language-profiles.ts';
import { ENGLISH_NEGATED_FAILURES, EMOTICON_VALENCES, LIKE_SUBJECTS, VERB_ONLY_VALENCES } from './social-lexicon.ts';
import { squeezeAll, tokenizeSocialText, type Token } from './social-tokenizer.ts';
import { compileSentimentRules, isCompiledSentimentRules, tokenKey, type CompiledSentimentRules, type SentimentRule } from './sentiment-rules.ts';

/** The `sentiment` object of `MentionAnalyzedPayloadSchema`, plus the language it was read in. */
export interface SentimentResult {
  /** In [-1, 1]; 0 when unscored. */
  score: number;
  label: SentimentLabel;
  /** False when the language cannot be scored or there was nothing to score. */
  scored: boolean;
  /** ISO 639-3 ("eng", "spa"), or "und". */
  language: string;
  /** The terms that moved the score, strongest first, as written ("not bad", "😍"). */
  drivers: string[];
}

export interface AnalyzeSentimentOptions {
  /** The language the source reports (ISO 639-1 or -3, or a BCP 47 tag); detected when absent or "und". */
  language?: string;
  /** The workspace's own terms; they win over every vocabulary. Pass the same array (or a compiled set) each time. */
  rules?: readonly SentimentRule[] | CompiledSentimentRules;
}

/**
 * The analyzer's fitted constants: fitted on the "fit" half of the evaluation sets
 * (`npx tsx bench/sentiment/run.ts --fit`) and reported on the other half.
 */
export interface SentimentParameters {
  /** |score| below this is neutral. */
  neutralThreshold: number;
  /** Weight of a language's second and third vocabularies (English senticon and pattern), heard only when its first is silent. */
  secondaryWeight: number;
  /**
   * Look up unknown inflections of English words through natural's stemmer (heard only when the
   * vocabularies are silent). Other languages always do: their vocabularies list few inflections
   * ("bello" but not "bellissimo"), and there is no labeled data in them to fit this on.
   */
  stemming: boolean;
  /** Weight of negative expressions, negated positives included (SO-CAL uses 1.5: negative words are rarer and weigh more). */
  negativeWeight: number;
  /** Weight of sentiment in questions and irrealis clauses ("would be great if…"); SO-CAL ignores it (0). */
  irrealisWeight: number;
  /** English: read regular inflections ("happier", "nicest", "smoothly") through their lemma in AFINN. */
  inflections: boolean;
  /** English: negated function verbs ("doesn't work", "never arrived") are complaints. */
  negatedFailures: boolean;
}

export const DEFAULT_SENTIMENT_PARAMETERS: Readonly<SentimentParameters> = {
  neutralThreshold: 0.05,
  secondaryWeight: 0,
  stemming: false,
  negativeWeight: 1.5,
  irrealisWeight: 0.5,
  inflections: true,
  negatedFailures: true,
};

// VADER's published constants (Hutto & Gilbert 2014), rescaled from its -4..4 ratings to AFINN's -5..5.
const SCALE = 1.25;
const NEGATION = -0.74;
const BOOST = 0.293 * SCALE;
const CAPS_BOOST = 0.733 * SCALE;
const EXCLAMATION_BOOST = 0.292 * SCALE;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const CONCESSIVE = 0.5;
const NORMALISATION = 15 * SCALE * SCALE;
/** How many words back a negator or modifier still reaches, and how its effect fades. */
const REACH = 3;
const FADE = [1, 0.95, 0.9] as const;
export const MAX_DRIVERS = 10;

// Token roles; numbers so that they fit a reused Uint8Array.
const NONE = 0;
const CONSUMED = 1;
const NEGATOR = 2;
const INTENSIFIER = 3;
const DAMPENER = 4;
const CONTRAST = 5;
const CONCESSIVE_ROLE = 6;
/** Sentiment only when negated: its valence is used as is under a negator and ignored otherwise. */
const NEGATED_ONLY = 7;
/** In `irreals`: an irrealis marker, before `markIrrealis` spreads it over its clause. */
const MARKER = 2;
const ROLE_OF = { contrast: CONTRAST, concessive: CONCESSIVE_ROLE, intensifier: INTENSIFIER, dampener: DAMPENER } as const;

/** Negators that negate nothing in these idioms ("at least", "not only … but"). */
const NOT_NEGATING: ReadonlySet<string> = new Set(['at least', 'very least', 'not only', 'not just']);
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '!', '?', '…']);

const NO_RULES: CompiledSentimentRules = compileSentimentRules([]);

/** Per-token working memory, reused across calls: analysis is synchronous, so one set is enough. */
let valences = new Float64Array(256);
let fallbacks = new Uint8Array(256);
let roles = new Uint8Array(256);
let irreals = new Uint8Array(256);

function reserve(n: number): void {
  if (valences.length < n) {
    const size = Math.max(n, valences.length * 2);
    valences = new Float64Array(size);
    fallbacks = new Uint8Array(size);
    roles = new Uint8Array(size);
    irreals = new Uint8Array(size);
  }
  valences.fill(0, 0, n);
  fallbacks.fill(0, 0, n);
  roles.fill(NONE, 0, n);
  irreals.fill(0, 0, n);
}

function unscored(language: string): SentimentResult {
  return { score: 0, label: 'neutral', scored: false, language, drivers: [] };
}

function sign(value: number): number {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

/** Length of the longest sequence in `candidates` that the tokens spell from `start`, and which one. */
function longestMatch<T extends { keys: readonly string[] }>(
  tokens: readonly Token[],
  keys: readonly string[],
  start: number,
  candidates: readonly T[],
): T | undefined {
  for (const candidate of candidates) {
    const seq = candidate.keys;
    if (start + seq.length > tokens.length) continue;
    let k = 1;
    while (k < seq.length && tokens[start + k]?.kind !== 'break' && keys[start + k] === seq[k]) k++;
    if (k === seq.length) return candidate;
  }
  return undefined;
}

/** Marks tokens `start + 1 … start + length - 1` as part of the term at `start`; returns the term as written. */
function consume(tokens: readonly Token[], start: number, length: number): string {
  let text = tokens[start]?.raw ?? '';
  for (let k = 1; k < length; k++) {
    roles[start + k] = CONSUMED;
    text += ` ${tokens[start + k]?.raw ?? ''}`;
  }
  return text;
}

/** "hahaha" → "haha", "lolol" → "lol": chat laughter repeats a two-letter unit. */
function isRepeatedPair(word: string): boolean {
  if (word.length < 4) return false;
  for (let i = 2; i < word.length; i++) if (word.charCodeAt(i) !== word.charCodeAt(i - 2)) return false;
  return true;
}

function primaryValence(lexicon: LanguageLexicon, token: Token): number | undefined {
  const norm = token.norm;
  let found = lexicon.primary.get(norm);
  if (found !== undefined) return found;
  if (token.elongated && (found = lexicon.primary.get(squeezeAll(norm))) !== undefined) return found;
  const spelled = lexicon.spellings.get(norm);
  if (spelled !== undefined && (found = lexicon.primary.get(spelled)) !== undefined) return found;
  if (isRepeatedPair(norm)) {
    if ((found = lexicon.primary.get(norm.slice(0, 4))) !== undefined) return found;
    if ((found = lexicon.primary.get(norm.slice(0, 3))) !== undefined) return found;
  }
  if (norm.endsWith("'s")) return lexicon.primary.get(norm.slice(0, -2));
  return undefined;
}

const INFLECTION_MEMO_LIMIT = 50_000;
const inflectionMemo = new Map<string, number>();

/** English only: the AFINN valence of a regular inflection's lemma ("happier" → "happy"), 0 if none. */
function inflectedValence(lexicon: LanguageLexicon, token: Token): number {
  const word = token.elongated ? squeezeAll(token.norm) : token.norm;
  const known = inflectionMemo.get(word);
  if (known !== undefined) return known;
  let found = 0;
  for (const lemma of lemmaCandidates(word)) {
    const valence = lexicon.primary.get(lemma);
    if (valence !== undefined) {
      found = valence;
      break;
    }
  }
  if (inflectionMemo.size >= INFLECTION_MEMO_LIMIT) inflectionMemo.clear();
  inflectionMemo.set(word, found);
  return found;
}

/** Tokens in a question, or between an irrealis marker (flagged MARKER by `classify`) and the end of its clause. */
function markIrrealis(tokens: readonly Token[]): void {
  let sentenceStart = 0;
  let inClause = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === 'break') {
      inClause = false;
      if (token.norm === '?') irreals.fill(1, sentenceStart, i);
      if (SENTENCE_END.has(token.norm)) sentenceStart = i + 1;
      continue;
    }
    if (irreals[i] === MARKER) inClause = true;
    if (inClause) irreals[i] = 1;
  }
}

interface WordEntry {
  valence: number;
  fallback: boolean;
  negator: boolean;
  connective: Connective | undefined;
  /** May start a two-word connective ("kind of"). */
  pairStart: boolean;
  phrases: readonly Phrase[] | undefined;
  verbOnly: boolean;
  /** Valence when negated, for verbs that say nothing otherwise ("work"); 0 for other words. */
  failure: number;
  irrealis: boolean;
}

const WORD_MEMO_LIMIT = 100_000;

interface Contribution {
  text: string;
  value: number;
  fallback: boolean;
}

export type SentimentAnalyzer = (text: string, options?: AnalyzeSentimentOptions) => SentimentResult;

class Analyzer {
  constructor(private readonly params: SentimentParameters) {}

  /** What a word is, whatever its context; memoised per lexicon, as most words recur. */
  private readonly entries = new Map<LanguageLexicon, Map<string, WordEntry>>();

  private entry(lexicon: LanguageLexicon, token: Token): WordEntry {
    let memo = this.entries.get(lexicon);
    if (!memo) {
      memo = new Map();
      this.entries.set(lexicon, memo);
    }
    // "soo" written "sooo" may be "so"; written "soo" it is what it is.
    const memoKey = token.elongated ? `${token.norm}\u0001` : token.norm;
    let entry = memo.get(memoKey);
    if (entry) return entry;
    entry = this.describe(lexicon, token);
    if (memo.size >= WORD_MEMO_LIMIT) memo.clear();
    memo.set(memoKey, entry);
    return entry;
  }

  private describe(lexicon: LanguageLexicon, token: Token): WordEntry {
    const key = token.norm;
    const { secondaryWeight } = this.params;
    const phrases = lexicon.phrases.get(key);
    const secondaryPhrases = secondaryWeight > 0 ? lexicon.secondaryPhrases.get(key) : undefined;
    const failure = this.params.negatedFailures && lexicon.code === 'eng' ? ENGLISH_NEGATED_FAILURES.get(key) : undefined;
    const { value, fallback } = this.wordValence(lexicon, token);
    return {
      valence: value,
      fallback,
      negator: lexicon.negators.has(key) || key.endsWith("n't"),
      connective: lexicon.connectives.get(key),
      pairStart: lexicon.pairStarts.has(key),
      phrases: phrases && secondaryPhrases ? [...phrases, ...secondaryPhrases] : (phrases ?? secondaryPhrases),
      verbOnly: VERB_ONLY_VALENCES.has(key),
      failure: value === 0 ? (failure ?? 0) : 0,
      irrealis: lexicon.irrealis.has(key),
    };
  }

  /** Valence of a word on its own; `fallback` when only a second vocabulary or the stemmer knew it. */
  private wordValence(lexicon: LanguageLexicon, token: Token): { value: number; fallback: boolean } {
    const primary = primaryValence(lexicon, token);
    if (primary !== undefined) return { value: primary, fallback: false };
    const { secondaryWeight, stemming, inflections } = this.params;
    if (inflections && lexicon.code === 'eng' && token.norm.length > 3) {
      const inflected = inflectedValence(lexicon, token);
      if (inflected !== 0) return { value: inflected, fallback: false };
    }
    if (secondaryWeight > 0) {
      const secondary = lexicon.secondary.get(token.norm) ?? (token.elongated ? lexicon.secondary.get(squeezeAll(token.norm)) : undefined);
      if (secondary !== undefined) return { value: secondary * secondaryWeight, fallback: true };
    }
    if ((stemming || lexicon.code !== 'eng') && lexicon.stem && token.norm.length > 3) {
      const found = lexicon.stem(token.elongated ? squeezeAll(token.norm) : token.norm);
      if (found && (!found.secondary || secondaryWeight > 0)) {
        // In English the stemmer is a fallback (fitted); elsewhere it is how inflected words are found at all.
        return { value: found.secondary ? found.valence * secondaryWeight : found.valence, fallback: lexicon.code === 'eng' || found.secondary };
      }
    }
    return { value: 0, fallback: false };
  }

  /** First pass: what each token is (sentiment term, negator, modifier, connective) and its own valence. */
  private classify(
    tokens: readonly Token[],
    keys: readonly string[],
    lexicon: LanguageLexicon | undefined,
    rules: CompiledSentimentRules,
    labels: string[],
  ): number {
    const emoji = getEmojiValences();
    let capsWords = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token || token.kind === 'break' || roles[i] === CONSUMED) continue;
      if (token.caps) capsWords++;
      const key = keys[i] ?? '';

      const ruleList = rules.size > 0 ? rules.byFirstKey.get(key) : undefined;
      const rule = ruleList && longestMatch(tokens, keys, i, ruleList);
      if (rule) {
        valences[i] = rule.valence;
        labels[i] = consume(tokens, i, rule.keys.length);
        continue;
      }
      if (token.kind === 'emoji') {
        valences[i] = emoji.get(token.norm) ?? 0;
        labels[i] = token.raw;
        continue;
      }
      if (token.kind === 'emoticon') {
        valences[i] = EMOTICON_VALENCES.get(key) ?? 0;
        labels[i] = token.raw;
        continue;
      }
      if (!lexicon) continue;

      const entry = this.entry(lexicon, token);
      if (entry.irrealis) irreals[i] = MARKER;
      const phrase = entry.phrases && longestMatch(tokens, keys, i, entry.phrases);
      if (phrase) {
        valences[i] = phrase.secondary ? phrase.valence * this.params.secondaryWeight : phrase.valence;
        fallbacks[i] = phrase.secondary ? 1 : 0;
        labels[i] = consume(tokens, i, phrase.keys.length);
        continue;
      }

      const next = tokens[i + 1];
      const pair = next?.kind === 'word' && (entry.pairStart || entry.negator) ? `${key} ${keys[i + 1]}` : undefined;
      if (entry.negator) {
        const previous = i > 0 && tokens[i - 1]?.kind === 'word' ? `${keys[i - 1]} ${key}` : undefined;
        if (!(pair !== undefined && NOT_NEGATING.has(pair)) && !(previous !== undefined && NOT_NEGATING.has(previous))) {
          roles[i] = NEGATOR;
          labels[i] = token.raw;
          continue;
        }
      }
      const pairKind = pair !== undefined && entry.pairStart ? lexicon.connectives.get(pair) : undefined;
      if (pairKind) {
        // Two-word connectives ("kind of", "sin embargo") carry no sentiment of their own.
        roles[i] = ROLE_OF[pairKind];
        consume(tokens, i, 2);
        continue;
      }
      if (entry.connective) {
        roles[i] = ROLE_OF[entry.connective];
        if (entry.connective === 'contrast' || entry.connective === 'concessive') continue;
      }
      if (entry.verbOnly) {
        // "like" is sentiment as a verb after its subject ("I kinda like it"), not as a preposition ("looks like rain").
        let previous = i - 1;
        while (previous >= 0 && (tokens[previous]?.kind !== 'word' || (roles[previous] ?? NONE) > CONSUMED)) previous--;
        if (previous < 0 || !LIKE_SUBJECTS.has(keys[previous] ?? '')) continue;
      }
      valences[i] = entry.valence;
      fallbacks[i] = entry.fallback ? 1 : 0;
      labels[i] = token.raw.toLowerCase();
      if (entry.failure !== 0) {
        valences[i] = entry.failure;
        roles[i] = NEGATED_ONLY;
      }
    }
    return capsWords;
  }

  analyze(text: unknown, options: AnalyzeSentimentOptions): SentimentResult {
    const { tokens, exclamations } = tokenizeSocialText(typeof text === 'string' ? text : '');
    const words: Token[] = [];
    let hasSymbols = false;
    for (const token of tokens) {
      if (token.kind === 'word') words.push(token);
      else if (token.kind === 'emoji' || token.kind === 'emoticon') hasSymbols = true;
    }
    if (words.length === 0 && !hasSymbols) return unscored(UNDETERMINED);

    let lexicon: LanguageLexicon | undefined;
    let language = UNDETERMINED;
    if (words.length > 0) {
      const decision = detectLanguage(words, typeof options.language === 'string' ? options.language : undefined, isEnglishWord);
      language = decision.language;
      if (decision.profile) lexicon = getLanguageLexicon(decision.profile);
      // No language to read ("10/10 👍", "TGIF <3"): emoji and emoticons read the same in every
      // language, so such a text is scored on them alone, with language "und".
      else if (language !== UNDETERMINED || !hasSymbols) return unscored(language);
    }

    const given = options.rules;
    const rules = isCompiledSentimentRules(given) ? given : Array.isArray(given) ? compileSentimentRules(given) : NO_RULES;
    const n = tokens.length;
    reserve(n);
    const keys = tokens.map(tokenKey);
    const labels = new Array<string>(n);
    const capsWords = this.classify(tokens, keys, lexicon, rules, labels);
    const params = this.params;
    if (params.irrealisWeight !== 1 && lexicon) markIrrealis(tokens);

    const mixedCase = capsWords > 0 && capsWords < words.length;
    let lastContrast = -1;
    for (let i = 0; i < n; i++) if (roles[i] === CONTRAST) lastContrast = i;

    const contributions: Contribution[] = [];
    let concessive = false;
    for (let i = 0; i < n; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (token.kind === 'break') {
        if (token.norm !== ':' && token.norm !== '…') concessive = false;
        continue;
      }
      const role = roles[i] ?? NONE;
      if (role === CONCESSIVE_ROLE) concessive = true;
      let value = valences[i] ?? 0;
      if (value === 0 || role === CONSUMED) continue;

      let text = labels[i] ?? token.raw;
      if (token.kind === 'word') {
        if ((role === INTENSIFIER || role === DAMPENER) && this.modifiesNext(tokens, i)) continue;
        const direction = sign(value);
        if (token.caps && mixedCase) value += direction * CAPS_BOOST;
        if (token.elongated) value += direction * BOOST;
        let negator = -1;
        for (let j = i - 1, seen = 0; j >= 0 && seen < REACH; j--) {
          const earlier = tokens[j];
          const earlierRole = roles[j] ?? NONE;
          if (!earlier || earlier.kind === 'break' || earlierRole === CONTRAST || earlierRole === CONCESSIVE_ROLE) break;
          if (earlier.kind !== 'word' || earlierRole === CONSUMED) continue;
          const fade = FADE[seen] ?? 0;
          seen++;
          if (earlierRole === INTENSIFIER) value += direction * BOOST * fade;
          else if (earlierRole === DAMPENER) value -= direction * BOOST * fade;
          else if (earlierRole === NEGATOR && negator < 0) negator = j;
        }
        if (role === NEGATED_ONLY && negator < 0) continue;
        if (negator >= 0) {
          if (role !== NEGATED_ONLY) value *= NEGATION;
          text = `${tokens[negator]?.raw.toLowerCase() ?? ''} ${text}`;
        }
      }
      if (lastContrast >= 0) value *= i < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
      if (concessive) value *= CONCESSIVE;
      if (irreals[i] === 1 && params.irrealisWeight !== 1) value *= params.irrealisWeight;
      if (value < 0) value *= params.negativeWeight;
      contributions.push({ text, value, fallback: fallbacks[i] === 1 });
    }

    // Second vocabularies and stems are noisier than the first vocabulary: they speak only when it is silent.
    const counted = contributions.some((c) => !c.fallback) ? contributions.filter((c) => !c.fallback) : contributions;
    let sum = 0;
    for (const c of counted) sum += c.value;
    if (sum !== 0) sum += sign(sum) * exclamations * EXCLAMATION_BOOST;
    const score = Math.round(Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISATION))) * 10_000) / 10_000;
    const label: SentimentLabel = score >= params.neutralThreshold ? 'positive' : score <= -params.neutralThreshold ? 'negative' : 'neutral';

    counted.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    const drivers: string[] = [];
    for (const { text: driver } of counted) {
      if (drivers.length >= MAX_DRIVERS) break;
      if (!drivers.includes(driver)) drivers.push(driver);
    }
    return { score, label, scored: true, language, drivers };
  }

  /** A modifier with a valence of its own ("super", "pretty") modifies when a sentiment word follows, and is not scored itself. */
  private modifiesNext(tokens: readonly Token[], i: number): boolean {
    for (let j = i + 1, seen = 0; j < tokens.length && seen < REACH; j++) {
      const later = tokens[j];
      if (!later || later.kind === 'break') return false;
      if (later.kind !== 'word') continue;
      seen++;
      if ((valences[j] ?? 0) !== 0) return true;
    }
    return false;
  }
}

export function createSentimentAnalyzer(parameters: Partial<SentimentParameters> = {}): SentimentAnalyzer {
  const analyzer = new Analyzer({ ...DEFAULT_SENTIMENT_PARAMETERS, ...parameters });
  return (text, options = {}) => analyzer.analyze(text, options ?? {});
}

/**
 * Loads natural, the vocabularies of the given languages (all scored ones by default) and the
 * English word list now, so that the first mentions are not slowed by it (about a second in all).
 */
export function preloadSentimentResources(languages: readonly string[] = SCORED_LANGUAGES.map((p) => p.code)): void {
  for (const code of languages) {
    const profile = SCORED_LANGUAGES.find((p) => p.code === (normaliseLanguageCode(code) ?? code));
    if (profile) getLanguageLexicon(profile).stem?.('preload');
  }
  getEmojiValences();
  isEnglishWord('preload');
}

/** Scores one mention with the fitted defaults. Never throws; bounded time on any input. */
export const analyzeSentiment: SentimentAnalyzer = createSentimentAnalyzer();
