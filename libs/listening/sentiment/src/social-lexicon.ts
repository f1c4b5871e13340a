/**
 * Valences for what natural's vocabularies do not cover in social text, on AFINN's -5..5 scale.
 * Emoji come from natural itself (its Spanish AFINN list carries the Emoji Sentiment Ranking);
 * emoticons and English chat spellings are listed here.
 */

/** Keys are normalised by `normaliseEmoticon`: no nose, repeated mouths folded. */
export const EMOTICON_VALENCES: ReadonlyMap<string, number> = new Map([
  [':)', 2], [':]', 2], [':}', 2], ['=)', 2], ['=]', 2], ['(:', 2], ['(=', 2], [':>', 1],
  [':D', 3], ['=D', 3], [';D', 3], ['xD', 3], ['\\o/', 3], ['<3', 3], [':*', 2], [';*', 2],
  [';)', 2], [';]', 2], [':P', 1], [':p', 1], [';P', 1], [';p', 1], ['=P', 1], [':b', 1], [':3', 2],
  [":')", 2], ['^^', 2], ['^_^', 2], ['^.^', 2], ['^-^', 2],
  [':(', -2], [':[', -2], [':{', -2], ['=(', -2], [';(', -2], [':c', -2], [':<', -2], ['):', -2], [')=', -2],
  [":'(", -3], [':/', -1], [':\\', -1], ['=/', -1], [':|', -1], [':S', -1], [':s', -1], [':@', -3], ['>:(', -3],
  [':$', -1], ['</3', -3], ['-_-', -1], [';_;', -2], ['>_<', -2],
]);

export function normaliseEmoticon(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    // A nose between eyes and mouth changes nothing: ":-)" is ":)".
    if (ch === '-' && i > 0 && i < raw.length - 1 && raw[i - 1] !== '_' && raw[i + 1] !== '_') continue;
    if (i > 0 && ch === raw[i - 1] && ch !== '^' && ch !== '_') continue;
    out += ch;
  }
  // "-_-" and "-__-" fold to "-_-" above; "<333" to "<3".
  return out;
}

/** Chat spellings of words natural's English AFINN knows. */
export const ENGLISH_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['luv', 'love'], ['luvs', 'loves'], ['luvd', 'loved'], ['luving', 'loving'], ['lovin', 'loving'], ['luvin', 'loving'],
  ['gud', 'good'], ['gr8t', 'great'], ['grt', 'great'], ['awsome', 'awesome'], ['awsum', 'awesome'], ['awesum', 'awesome'],
  ['amazin', 'amazing'], ['kewl', 'cool'], ['kool', 'cool'], ['thx', 'thanks'], ['thanx', 'thanks'], ['thnx', 'thanks'],
  ['tnx', 'thanks'], ['ty', 'thanks'], ['tyvm', 'thanks'], ['thks', 'thanks'], ['pls', 'please'], ['plz', 'please'],
  ['plse', 'please'], ['sux', 'sucks'], ['suckz', 'sucks'], ['h8', 'hate'], ['h8s', 'hates'], ['h8d', 'hated'],
  ['hatin', 'hating'], ['fav', 'favorite'], ['fave', 'favorite'], ['favs', 'favorites'], ['faves', 'favorites'],
  ['fab', 'fabulous'], ['congratz', 'congrats'], ['congratulation', 'congratulations'], ['bday', 'birthday'],
  ['smfh', 'smh'], ['lmfao', 'lmao'],
  ['sry', 'sorry'], ['soz', 'sorry'], ['prob', 'problem'], ['probs', 'problems'], ['terible', 'terrible'],
  ['horible', 'horrible'], ['disapointed', 'disappointed'], ['disapointing', 'disappointing'], ['wierd', 'weird'],
]);

/** Chat words natural's English AFINN lacks. Values follow AFINN's scale: ±2 clear, ±3 strong. */
export const ENGLISH_SLANG_VALENCES: ReadonlyMap<string, number> = new Map([
  ['yay', 2], ['yey', 2], ['yaay', 2], ['woohoo', 3], ['wohoo', 3], ['woot', 3], ['w00t', 3], ['hooray', 2],
  ['ily', 3], ['ilysm', 3], ['xo', 2], ['meh', -1], ['smh', -2], ['fml', -3], ['ffs', -3], ['grr', -2], ['grrr', -2],
  ['argh', -2], ['ew', -2], ['eww', -2], ['yuck', -2], ['boo', -2], ['booo', -2], ['sigh', -1], ['ugh', -2],
  ['whyyy', -1], ['nooo', -2], ['noo', -1], ['blah', -1], ['bleh', -1], ['fubar', -3], ['rip', -1],
  ['gg', 1], ['props', 2], ['kudos', 3], ['thank', 2], ['thanks', 2],
]);

/** Words that carry sentiment only as verbs ("I like it"), not as prepositions ("looks like rain"). */
export const VERB_ONLY_VALENCES: ReadonlySet<string> = new Set(['like']);
export const LIKE_SUBJECTS: ReadonlySet<string> = new Set([
  'i', 'we', 'you', 'they', 'u', 'ya', 'really', 'totally', 'also', 'definitely', 'def', 'still', 'do', 'does', 'did',
  "don't", 'dont', "didn't", 'didnt', "doesn't", 'doesnt', 'just', 'so', 'actually', 'genuinely', 'would', "i'd", 'people',
  'kids', 'fans', 'everyone', 'nobody', 'not', 'never', 'always', 'to',
]);

/**
 * Verbs that say nothing until negated, when they become the commonest complaint in customer
 * messages ("doesn't work", "never arrived", "won't load"). Valence when negated, AFINN scale,
 * as natural's AFINN rates "does not work" (-3) and "not working" (-3).
 */
export const ENGLISH_NEGATED_FAILURES: ReadonlyMap<string, number> = new Map(
  [
    'work', 'works', 'worked', 'working', 'play', 'plays', 'played', 'load', 'loads', 'loading', 'loaded', 'open', 'opens',
    'start', 'starts', 'started', 'charge', 'charges', 'charging', 'connect', 'connects', 'connecting', 'respond', 'responded',
    'responding', 'reply', 'replied', 'answer', 'answered', 'answering', 'arrive', 'arrived', 'show', 'showed', 'shown',
    'deliver', 'delivered', 'refund', 'refunded', 'fix', 'fixed', 'function', 'functioning', 'sync', 'boot', 'install',
    'update', 'download', 'print', 'turn', 'power', 'last', 'lasted',
  ].map((verb) => [verb, -2]),
);
