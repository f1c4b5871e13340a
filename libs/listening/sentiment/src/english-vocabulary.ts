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

/** Suffix → what may replace it, longest first within each family. */
const SUFFIXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["'s", ['']],
  ['ies', ['y']],
  ['es', ['']],
  ['s', ['']],
  ['ied', ['y']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['iest', ['y']],
  ['ier', ['y']],
  ['est', ['', 'e']],
  ['er', ['', 'e']],
  ['ily', ['y']],
  ['ly', ['']],
  ["in'", ['ing']],
  ['in', ['ing']],
];

/** Regular inflections back to the lemma WordNet and AFINN list: "birthdays", "stopped", "happier", "smoothly". */
export function lemmaCandidates(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacements] of SUFFIXES) {
    if (word.length <= suffix.length + 2 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    for (const replacement of replacements) out.push(stem + replacement);
    // A doubled final consonant: "stopped" → "stop", "bigger" → "big".
    if (stem.length > 2 && stem.charCodeAt(stem.length - 1) === stem.charCodeAt(stem.length - 2)) out.push(stem.slice(0, -1));
  }
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
  const known = inflectedMemo.get(word);
  if (known !== undefined) return known;
  let found = false;
  for (const candidate of lemmaCandidates(word)) {
    if (words.has(candidate)) {
      found = true;
      break;
    }
  }
  if (inflectedMemo.size >= MEMO_LIMIT) inflectedMemo.clear();
  inflectedMemo.set(word, found);
  return found;
}

/** Social text is Zipfian: a bounded memo of recent answers saves re-deriving lemmas. */
const MEMO_LIMIT = 50_000;
const inflectedMemo = new Map<string, boolean>();
