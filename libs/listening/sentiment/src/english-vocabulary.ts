import { getLanguageLexicon } from './language-lexicon.ts';
import { SCORED_LANGUAGES } from './language-profiles.ts';
import { loadWordNetLemmas } from './natural-resources.ts';

const ENGLISH = SCORED_LANGUAGES.find((p) => p.code === 'eng');

let known: Set<string> | undefined;

function knownWords(): Set<string> {
  if (known) return known;
  const words = loadWordNetLemmas();
  if (ENGLISH) {
    const lexicon = getLanguageLexicon(ENGLISH);
    for (const list of [ENGLISH.functionWords, ENGLISH.irrealis, [...lexicon.negators], [...lexicon.connectives.keys()], [...lexicon.spellings.keys()]]) {
      for (const word of list) words.add(word);
    }
    for (const word of lexicon.primary.keys()) words.add(word);
    for (const word of lexicon.secondary.keys()) words.add(word);
  }
  known = words;
  return words;
}

/** Regular inflections back to the lemma WordNet lists: "birthdays", "stopped", "loving", "happier". */
export function lemmaCandidates(word: string): string[] {
  const out: string[] = [];
  const strip = (suffix: string, ...replacements: string[]) => {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      for (const r of replacements) out.push(stem + r);
      // A doubled final consonant: "stopped" → "stop".
      if (stem.length > 2 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1));
    }
  };
  if (word.endsWith("'s")) out.push(word.slice(0, -2));
  strip('ies', 'y');
  strip('es', '');
  strip('s', '');
  strip('ied', 'y');
  strip('ed', '', 'e');
  strip('ing', '', 'e');
  strip('ier', 'y');
  strip('iest', 'y');
  strip('er', '', 'e');
  strip('est', '', 'e');
  strip('ly', '');
  strip("in'", 'ing');
  strip('in', 'ing');
  return out;
}

/**
 * Whether a lower-cased word is English: WordNet's lemmas (with regular inflections), natural's
 * English vocabularies, and this lib's English word lists. The evidence for reading a mention
 * without function words as English.
 */
export function isEnglishWord(word: string): boolean {
  const words = knownWords();
  if (words.has(word)) return true;
  for (const candidate of lemmaCandidates(word)) if (words.has(candidate)) return true;
  return false;
}
