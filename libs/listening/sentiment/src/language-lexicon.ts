import type { LanguageProfile } from './language-profiles.ts';
import { loadNaturalStemmer, loadNaturalVocabulary } from './natural-resources.ts';
import { ENGLISH_SLANG_VALENCES, ENGLISH_SPELLINGS } from './social-lexicon.ts';

/**
 * senticon and pattern give polarity in [-1, 1], with scales that differ by language (German
 * pattern's 90th percentile of |polarity| is 0.35, Italian's 0.75). Each is mapped onto AFINN's
 * -5..5 by matching that percentile to AFINN's (3): a calibration that needs no labeled data.
 */
const AFINN_P90 = 3;

function calibration(entries: ReadonlyMap<string, number>): number {
  const magnitudes = [...entries.values()].map(Math.abs).sort((a, b) => a - b);
  const p90 = magnitudes[Math.floor(0.9 * (magnitudes.length - 1))] ?? 0;
  return p90 > 0 ? AFINN_P90 / p90 : 0;
}

export interface Phrase {
  keys: readonly string[];
  valence: number;
  secondary: boolean;
}

export type Connective = 'contrast' | 'concessive' | 'intensifier' | 'dampener';

export interface LanguageLexicon {
  code: string;
  /** From the language's first (most trusted) vocabulary, in AFINN units. */
  primary: ReadonlyMap<string, number>;
  /** From its other vocabularies, for words the first one lacks; weighted by the analyzer. */
  secondary: ReadonlyMap<string, number>;
  /** Multi-word entries of the first vocabulary, by first word, longest first. */
  phrases: ReadonlyMap<string, readonly Phrase[]>;
  /** Multi-word entries of the other vocabularies. */
  secondaryPhrases: ReadonlyMap<string, readonly Phrase[]>;
  spellings: ReadonlyMap<string, string>;
  negators: ReadonlySet<string>;
  /** Single words and two-word pairs ("kind of", "sin embargo") that modify or connect. */
  connectives: ReadonlyMap<string, Connective>;
  /** First words of two-word connectives, so pairs are only built where one may start. */
  pairStarts: ReadonlySet<string>;
  irrealis: ReadonlySet<string>;
  /** Falls back on natural's stemmer for inflections the vocabularies lack. */
  stem?: (word: string) => { valence: number; secondary: boolean } | undefined;
}

const lexicons = new Map<string, LanguageLexicon>();

/** Built once per language on first use; vocabularies are large, so nothing is built at import. */
export function getLanguageLexicon(profile: LanguageProfile): LanguageLexicon {
  const cached = lexicons.get(profile.code);
  if (cached) return cached;

  const primary = new Map<string, number>();
  const secondary = new Map<string, number>();
  const phraseList: Phrase[] = [];
  const negators = new Set(profile.negators);

  profile.vocabularies.forEach((type, rank) => {
    const { entries, negations } = loadNaturalVocabulary(profile.naturalName, type);
    for (const negation of negations) negators.add(negation.toLowerCase());
    const scale = type === 'afinn' ? 1 : calibration(entries);
    for (const [term, raw] of entries) {
      const valence = raw * scale;
      if (term.includes(' ')) {
        const words = term.split(' ').filter((w) => w !== '');
        if (words.length >= 2 && words.length <= 4) phraseList.push({ keys: words, valence, secondary: rank > 0 });
        continue;
      }
      if (primary.has(term) || secondary.has(term)) continue;
      (rank === 0 ? primary : secondary).set(term, valence);
    }
  });

  if (profile.code === 'eng') {
    for (const [word, valence] of ENGLISH_SLANG_VALENCES) if (!primary.has(word)) primary.set(word, valence);
  }
  // A negator is grammar here, not a sentiment word ("no" is -1 in AFINN).
  for (const negator of negators) {
    primary.delete(negator);
    secondary.delete(negator);
  }

  const phrases = new Map<string, Phrase[]>();
  const secondaryPhrases = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  for (const phrase of phraseList) {
    const key = phrase.keys.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const first = phrase.keys[0] ?? '';
    const map = phrase.secondary ? secondaryPhrases : phrases;
    const list = map.get(first) ?? [];
    list.push(phrase);
    map.set(first, list);
  }
  for (const list of [...phrases.values(), ...secondaryPhrases.values()]) list.sort((a, b) => b.keys.length - a.keys.length);

  const connectives = new Map<string, Connective>();
  const pairStarts = new Set<string>();
  const addConnectives = (terms: readonly string[], kind: Connective) => {
    for (const term of terms) {
      const parts = term.split(' ');
      // Longer connectives ("even though", "a pesar de") are matched on their first two words.
      const key = parts.slice(0, 2).join(' ');
      if (parts.length > 1) pairStarts.add(parts[0] ?? '');
      if (!connectives.has(key)) connectives.set(key, kind);
    }
  };
  addConnectives(profile.contrasts, 'contrast');
  addConnectives(profile.concessives, 'concessive');
  addConnectives(profile.intensifiers, 'intensifier');
  addConnectives(profile.dampeners, 'dampener');

  const lexicon: LanguageLexicon = {
    code: profile.code,
    primary,
    secondary,
    phrases,
    secondaryPhrases,
    spellings: profile.code === 'eng' ? ENGLISH_SPELLINGS : new Map(),
    negators,
    connectives,
    pairStarts,
    irrealis: new Set(profile.irrealis),
  };
  if (profile.stemmer) lexicon.stem = createStemLookup(profile.stemmer, primary, secondary);
  lexicons.set(profile.code, lexicon);
  return lexicon;
}

/** Memo bound: social text is Zipfian, so a few thousand forms cover nearly every lookup. */
const STEM_MEMO_LIMIT = 50_000;

function createStemLookup(
  name: NonNullable<LanguageProfile['stemmer']>,
  primary: ReadonlyMap<string, number>,
  secondary: ReadonlyMap<string, number>,
): NonNullable<LanguageLexicon['stem']> {
  const stemmer = loadNaturalStemmer(name);
  let index: Map<string, { valence: number; secondary: boolean }> | undefined;
  const memo = new Map<string, { valence: number; secondary: boolean } | null>();

  const buildIndex = () => {
    const built = new Map<string, { valence: number; secondary: boolean; conflict: boolean }>();
    const add = (word: string, valence: number, isSecondary: boolean) => {
      const stem = stemmer.stem(word);
      const existing = built.get(stem);
      if (!existing) built.set(stem, { valence, secondary: isSecondary, conflict: false });
      // Two words with one stem and opposite signs ("envious"/"envy" are fine, "sensible"/"sensitive" may not be).
      else if (!existing.secondary && isSecondary) return;
      else if (Math.sign(existing.valence) !== Math.sign(valence)) existing.conflict = true;
    };
    for (const [word, valence] of primary) add(word, valence, false);
    for (const [word, valence] of secondary) add(word, valence, true);
    const clean = new Map<string, { valence: number; secondary: boolean }>();
    for (const [stem, entry] of built) if (!entry.conflict) clean.set(stem, { valence: entry.valence, secondary: entry.secondary });
    return clean;
  };

  return (word) => {
    const known = memo.get(word);
    if (known !== undefined) return known ?? undefined;
    index ??= buildIndex();
    const found = index.get(stemmer.stem(word)) ?? null;
    if (memo.size >= STEM_MEMO_LIMIT) memo.clear();
    memo.set(word, found);
    return found ?? undefined;
  };
}

let emoji: ReadonlyMap<string, number> | undefined;

/**
 * Emoji carry the same sentiment in every language. natural ships the Emoji Sentiment Ranking
 * (Kralj Novak et al., 2015) inside its Spanish AFINN list; pictographs are taken from it, the
 * box-drawing and letter-like symbols of that list are not.
 */
export function getEmojiValences(): ReadonlyMap<string, number> {
  if (emoji) return emoji;
  const table = new Map<string, number>();
  for (const [term, valence] of loadNaturalVocabulary('Spanish', 'afinn').entries) {
    if (term === '♡' || (/^\p{Extended_Pictographic}$/u.test(term) && !/^[\u2190-\u21ff\u2500-\u25ff]$/u.test(term))) {
      table.set(term, valence);
    }
  }
  emoji = table;
  return table;
}
