import { loadNatural, loadNaturalStopWords } from './natural.ts';

/** ISO 639-1 and -3 codes (both are in use: sources send "en", the language detector "eng"). */
const LANGUAGE_FILES: Record<string, string> = {
  es: 'stopwords_es',
  spa: 'stopwords_es',
  fr: 'stopwords_fr',
  fra: 'stopwords_fr',
  fre: 'stopwords_fr',
  it: 'stopwords_it',
  ita: 'stopwords_it',
  pt: 'stopwords_pt',
  por: 'stopwords_pt',
  nl: 'stopwords_nl',
  nld: 'stopwords_nl',
  dut: 'stopwords_nl',
  sv: 'stopwords_sv',
  swe: 'stopwords_sv',
  no: 'stopwords_no',
  nor: 'stopwords_no',
  nob: 'stopwords_no',
  nno: 'stopwords_no',
  pl: 'stopwords_pl',
  pol: 'stopwords_pl',
  ru: 'stopwords_ru',
  rus: 'stopwords_ru',
  uk: 'stopwords_uk',
  ukr: 'stopwords_uk',
  id: 'stopwords_id',
  ind: 'stopwords_id',
  fa: 'stopwords_fa',
  fas: 'stopwords_fa',
  per: 'stopwords_fa',
};

const GERMAN = new Set(['de', 'deu', 'ger']);

// natural has no German list; these are the most frequent German function words.
const GERMAN_STOP_WORDS = `
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin bis
bist bitte da damit dann das dass dasselbe dazu dein deine deinem deinen deiner dem demselben den denn denselben der
derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir
doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas
euch euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm
ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder jedes jene jenem jenen jener
jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher
manches mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne
schon sehr sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll
sollte sondern sonst über um und uns unser unsere unserem unseren unserer unseres unter viel vom von vor wann war
waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wirst wo
wollen wollte würde würden zu zum zur zwar zwischen euch mal halt eben gibt gut`;

// Words of social posts that are never a topic, whatever the language: chat fillers, platform words.
const SOCIAL_STOP_WORDS = `
i im i'm ive i've id i'd ill i'll me my mine you're youre youve you've u ur ya yall y'all it's its it'll dont don't
doesnt doesn't didnt didn't isnt isn't arent aren't wasnt wasn't werent weren't wont won't cant can't couldnt couldn't
shouldnt shouldn't wouldnt wouldn't havent haven't hasnt hasn't hadnt hadn't thats that's theres there's whats what's
lets let's not no yes yeah yep nope ok okay oh ah uh um hmm lol lmao rofl omg wtf tbh imo imho idk btw fyi pls plz
please thx thanks thank hey hi hello yo rt via amp gt lt http https www com just really even ever also one two us
will shall may gonna wanna gotta kinda sorta anyone everyone someone anything everything something nothing today
yesterday tomorrow day days time new know think want need going go got get getting let say says said tell
actually literally seriously honestly basically every lot lots thing things stuff guys people pretty quite
`;

// Judgments, not subjects: how people feel is the sentiment's job, what they talk about is the topic's.
const JUDGMENT_WORDS = `
good great nice bad best better worse worst awesome amazing awful terrible love loving loved hate hated like liked
`;

const english = () => loadNatural().stopwords;
const cache = new Map<string, ReadonlySet<string>>();

const words = (list: string) => list.split(/\s+/).filter((w) => w.length > 0);

/**
 * The stop words for a language code: natural's list for that language when it has one (German
 * from here), always English (social posts in any language borrow it), social filler words and
 * English judgment words.
 */
export function stopWordsFor(language: string | undefined): ReadonlySet<string> {
  const code = (language ?? '').trim().toLowerCase().split(/[-_]/, 1)[0] ?? '';
  const file = LANGUAGE_FILES[code];
  const key = GERMAN.has(code) ? 'de' : (file ?? 'en');
  let set = cache.get(key);
  if (!set) {
    const own = GERMAN.has(code) ? words(GERMAN_STOP_WORDS) : file ? loadNaturalStopWords(file) : [];
    set = new Set([...english(), ...words(SOCIAL_STOP_WORDS), ...words(JUDGMENT_WORDS), ...own].map((w) => w.toLowerCase().replaceAll('’', "'")));
    cache.set(key, set);
  }
  return set;
}
