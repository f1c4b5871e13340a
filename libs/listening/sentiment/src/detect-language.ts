import { franc } from 'franc';

import { ISO_639_1_TO_3, SCORED_LANGUAGES, UNSCORED_LATIN_LANGUAGES, type LanguageProfile } from './language-profiles.ts';
import type { Token } from './social-tokenizer.ts';

export const UNDETERMINED = 'und';

export interface LanguageDecision {
  /** ISO 639-3, or "und". */
  language: string;
  profile?: LanguageProfile;
  how: 'given' | 'function-words' | 'english-vocabulary' | 'franc' | 'script' | 'none';
}

const PROFILES = new Map(SCORED_LANGUAGES.map((p) => [p.code, p]));

/** Codes sources send for "no language" (X uses und, zxx and q* codes for media, hashtags and mentions). */
function isNoLanguage(code: string): boolean {
  return code === '' || code === 'und' || code === 'zxx' || code === 'mul' || code === 'mis' || /^q[a-t][a-z]$/.test(code);
}

/** "en", "EN-gb", "pt_BR", "eng" → ISO 639-3; undefined when the source said nothing usable. */
export function normaliseLanguageCode(given: string | undefined): string | undefined {
  if (typeof given !== 'string') return undefined;
  const primary = given.trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  if (isNoLanguage(primary) || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  return primary.length === 2 ? (ISO_639_1_TO_3[primary] ?? primary) : primary;
}

let functionWordIndex: Map<string, number[]> | undefined;
// English first: the English check below reads its votes at index 0.
const CANDIDATES = [...SCORED_LANGUAGES.map((p) => p.code), ...UNSCORED_LATIN_LANGUAGES.map((l) => l.code)];

function getFunctionWordIndex(): Map<string, number[]> {
  if (functionWordIndex) return functionWordIndex;
  const index = new Map<string, number[]>();
  const lists = [...SCORED_LANGUAGES.map((p) => p.functionWords), ...UNSCORED_LATIN_LANGUAGES.map((l) => l.functionWords)];
  lists.forEach((words, language) => {
    for (const word of new Set(words)) {
      const languages = index.get(word) ?? [];
      languages.push(language);
      index.set(word, languages);
    }
  });
  functionWordIndex = index;
  return index;
}

/** Enough to decide; more words change nothing but cost time. */
const DETECTION_WORDS = 25;
/** franc reads at most this many characters of the joined words. */
const FRANC_SAMPLE = 150;

type Script = 'latin' | 'other' | 'none';

/** Latin-script languages are the only ones natural scores; everything else is decided by script alone. */
function dominantScript(words: readonly Token[]): { script: Script; asciiShare: number } {
  let latin = 0;
  let ascii = 0;
  let other = 0;
  for (const word of words) {
    const text = word.norm;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x61 && c <= 0x7a) {
          latin++;
          ascii++;
        }
      } else if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00)) {
        if (c !== 0xd7 && c !== 0xf7) latin++;
      } else if (c < 0x300 || c >= 0x370) {
        // Surrogate pairs count twice; they are CJK or symbols and only ever add to "other".
        other++;
      }
    }
  }
  const script: Script = latin === 0 && other === 0 ? 'none' : other > latin ? 'other' : 'latin';
  return { script, asciiShare: latin === 0 ? 0 : ascii / latin };
}

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || c >= 0xc0) return true;
  }
  return false;
}

/**
 * The language of a mention, cheapest evidence first:
 * 1. a language the source gave;
 * 2. mostly non-Latin script: franc names it, and it is unscored (natural scores Latin-script languages only);
 * 3. function words ("the", "que", "und") clearly pointing at one language: at least 1.5 votes
 *    (a word shared by k languages gives each 1/k) and twice the runner-up;
 * 4. English by vocabulary: short mentions often have no function word ("Awful service, again"),
 *    and trigram models misread them. The text is English when at least 90 % of its letters are
 *    ASCII, more than half of its words are English (`isEnglishWord`: WordNet's lemmas, which natural
 *    ships for its WordNet module, natural's English vocabularies, and the English word lists
 *    here), and no other language leads English by more than one function-word vote;
 * 5. franc's trigram model; if it names a language natural cannot score while one function word
 *    (1 vote, twice the runner-up) points at a scored language, the function word wins;
 * 6. otherwise the language natural cannot score that franc named, or "und" when franc cannot
 *    tell (too short): never guessed as English.
 */
export function detectLanguage(words: readonly Token[], given: string | undefined, isEnglishWord: (word: string) => boolean): LanguageDecision {
  const code = normaliseLanguageCode(given);
  if (code) return { language: code, profile: PROFILES.get(code), how: 'given' };

  // The text's own words, hashtags only when it has nothing else ("#blessed").
  const sample: Token[] = [];
  for (let i = 0; i < words.length && sample.length < DETECTION_WORDS; i++) {
    const word = words[i];
    if (word && !word.hashtag && hasLetter(word.norm)) sample.push(word);
  }
  for (let i = 0; sample.length === 0 && i < words.length; i++) {
    const word = words[i];
    if (word && hasLetter(word.norm)) sample.push(word);
  }
  const { script, asciiShare } = dominantScript(sample);
  if (script === 'none') return { language: UNDETERMINED, how: 'none' };
  const joined = () =>
    sample
      .map((w) => w.norm)
      .join(' ')
      .slice(0, FRANC_SAMPLE);
  if (script === 'other') return { language: franc(joined(), { minLength: 1 }), how: 'script' };

  const index = getFunctionWordIndex();
  const votes = new Float64Array(CANDIDATES.length);
  for (const word of sample) {
    const languages = index.get(word.norm);
    if (!languages) continue;
    const share = 1 / languages.length;
    for (const language of languages) votes[language] = (votes[language] ?? 0) + share;
  }
  let best = 0;
  let second = -1;
  for (let i = 1; i < votes.length; i++) {
    if ((votes[i] ?? 0) > (votes[best] ?? 0)) {
      second = best;
      best = i;
    } else if (second < 0 || (votes[i] ?? 0) > (votes[second] ?? 0)) {
      second = i;
    }
  }
  const bestVotes = votes[best] ?? 0;
  const secondVotes = second >= 0 ? (votes[second] ?? 0) : 0;
  if (bestVotes >= 1.5 && bestVotes >= 2 * secondVotes) {
    const language = CANDIDATES[best] ?? UNDETERMINED;
    return { language, profile: PROFILES.get(language), how: 'function-words' };
  }

  // English is candidate 0, so English votes are votes[0]. A lead of one vote at most is a stray
  // or shared short word ("ha", "as", "hat"), not evidence against English.
  if (asciiShare >= 0.9 && bestVotes - (votes[0] ?? 0) <= 1) {
    let known = 0;
    let unknown = 0;
    // Stops as soon as a majority is reached, or can no longer be.
    for (let i = 0; i < sample.length && known * 2 <= sample.length && unknown * 2 < sample.length; i++) {
      if (isEnglishWord(sample[i]?.norm ?? '')) known++;
      else unknown++;
    }
    if (known * 2 > sample.length) return { language: 'eng', profile: PROFILES.get('eng'), how: 'english-vocabulary' };
  }

  const guess = franc(joined(), { minLength: 10 });
  const profile = PROFILES.get(guess);
  if (profile) return { language: guess, profile, how: 'franc' };
  const leader = PROFILES.get(CANDIDATES[best] ?? '');
  if (leader && bestVotes >= 1 && bestVotes >= 2 * secondVotes) return { language: leader.code, profile: leader, how: 'function-words' };
  return { language: guess, how: 'franc' };
}
