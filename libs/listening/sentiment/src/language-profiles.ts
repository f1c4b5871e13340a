/**
 * What the analyzer knows about each language natural's SentimentAnalyzer can score.
 * Codes are ISO 639-3, the codes franc returns.
 *
 * The vocabularies come from natural; the small closed word classes below (negators, intensifiers,
 * contrast words, function words) are grammar, not sentiment, so they are listed here.
 */

export type NaturalVocabulary = 'afinn' | 'senticon' | 'pattern';
export type NaturalStemmer = 'PorterStemmer' | 'PorterStemmerEs' | 'PorterStemmerPt' | 'PorterStemmerFr' | 'PorterStemmerIt' | 'PorterStemmerDe' | 'PorterStemmerNl';

export interface LanguageProfile {
  code: string;
  /** The language name natural's SentimentAnalyzer takes. */
  naturalName: string;
  /** In order of trust: the first vocabulary that knows a word gives its valence. */
  vocabularies: readonly NaturalVocabulary[];
  stemmer?: NaturalStemmer;
  /** Added to natural's negation list for the language (natural has none for some). */
  negators: readonly string[];
  intensifiers: readonly string[];
  dampeners: readonly string[];
  /** "but": what follows outweighs what precedes. */
  contrasts: readonly string[];
  /** "although": the clause it opens is discounted. */
  concessives: readonly string[];
  /** Words that put the rest of their clause in the unreal ("would be nice", "if it worked"). */
  irrealis: readonly string[];
  /** Frequent words with no sentiment, used to tell languages apart. */
  functionWords: readonly string[];
}

export const SCORED_LANGUAGES: readonly LanguageProfile[] = [
  {
    code: 'eng',
    naturalName: 'English',
    vocabularies: ['afinn', 'pattern', 'senticon'],
    stemmer: 'PorterStemmer',
    negators: [
      'not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'nowhere', 'cannot', 'without', 'aint', "ain't",
      "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't", "couldn't",
      "shouldn't", "hasn't", "haven't", "hadn't", "mustn't", "needn't", 'dont', 'doesnt', 'didnt', 'isnt', 'arent',
      'wasnt', 'werent', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'nope', 'nah',
      'rarely', 'seldom', 'least', 'lack', 'lacks', 'lacking',
    ],
    // VADER's booster and dampener lists (Hutto & Gilbert 2014), plus social spellings.
    intensifiers: [
      'absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing', 'enormously',
      'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flippin', 'freaking', 'frickin', 'friggin',
      'fully', 'fuckin', 'fucking', 'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'insanely', 'intensely',
      'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially',
      'super', 'thoroughly', 'totally', 'tremendously', 'truly', 'uber', 'unbelievably', 'unusually', 'utterly', 'very',
      'soo', 'sooo', 'rly', 'rlly', 'realy', 'srsly', 'seriously',
    ],
    dampeners: [
      'almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'less', 'little', 'marginally',
      'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'a bit', 'a little',
      'fairly', 'pretty',
    ],
    contrasts: ['but', 'however', 'yet', 'though', 'nevertheless', 'nonetheless'],
    concessives: ['although', 'despite', 'while', 'whereas', 'even though'],
    irrealis: ['would', 'could', 'should', 'might', 'may', 'if', 'wish', 'any', 'anything', "wouldn't", "couldn't", "shouldn't", 'wouldnt', 'couldnt', 'shouldnt', "i'd", 'hopefully'],
    functionWords: [
      'the', 'a', 'an', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'i', 'you', 'he', 'she', 'it', 'we',
      'they', 'me', 'my', 'your', 'his', 'our', 'their', 'this', 'that', 'these', 'those', 'to', 'of', 'in', 'on', 'at',
      'for', 'with', 'from', 'by', 'about', 'not', "don't", 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would',
      'can', 'could', 'should', 'just', 'what', 'when', 'where', 'who', 'how', 'why', 'if', 'than', 'then', 'there', 'here',
      'all', 'some', 'any', "i'm", 'im', "it's", 'get', 'got', 'out', 'up', 'because', 'only', 'u', 'ur', 'your', 'its',
      'them', 'him', 'her', 'us', 'after', 'today', 'now', 'know', 'want', 'going', 'gonna', 'think', 'over', 'again',
      'still', 'being', 'which', 'into', 'our', 'off', 'back', 'too', 'very', 'really', 'so', 'but',
      // Chat words that do the work of function words in English social text.
      'lol', 'omg', 'ha', 'haha', 'yeah', 'ok', 'oh', 'hey', 'hi', 'thanks', 'please', 'wtf', 'gonna', 'wanna',
    ],
  },
  {
    code: 'spa',
    naturalName: 'Spanish',
    vocabularies: ['afinn', 'senticon'],
    stemmer: 'PorterStemmerEs',
    negators: ['no', 'nunca', 'jamás', 'jamas', 'ni', 'nada', 'nadie', 'ningún', 'ninguno', 'ninguna', 'sin', 'tampoco'],
    intensifiers: ['muy', 'mucho', 'mucha', 'muchísimo', 'súper', 'super', 'tan', 'tanto', 'demasiado', 'totalmente', 'realmente', 'bastante', 'sumamente', 'increíblemente', 're', 'bien'],
    dampeners: ['poco', 'algo', 'apenas', 'casi', 'medio', 'un poco', 'ligeramente'],
    contrasts: ['pero', 'sino', 'aunque', 'sin embargo', 'no obstante'],
    concessives: ['aunque', 'a pesar de'],
    irrealis: ['si', 'ojalá', 'ojala', 'debería', 'podría', 'quizás', 'quizá'],
    functionWords: [
      'el', 'la', 'los', 'las', 'un', 'una', 'y', 'que', 'de', 'en', 'es', 'por', 'para', 'con', 'no', 'se', 'lo', 'muy',
      'pero', 'más', 'mi', 'me', 'te', 'su', 'al', 'del', 'como', 'esta', 'este', 'está', 'estoy', 'son', 'fue', 'ya', 'yo',
      'tu', 'nos', 'todo', 'hay', 'qué', 'eso', 'sí', 'también', 'cuando', 'porque', 'ni', 'ha', 'le', 'les', 'sin', 'hoy',
      'mucho', 'muy', 'pero', 'ese', 'esa', 'tengo', 'tiene', 'nada',
    ],
  },
  {
    code: 'por',
    naturalName: 'Portuguese',
    vocabularies: ['afinn'],
    stemmer: 'PorterStemmerPt',
    negators: ['não', 'nao', 'nunca', 'jamais', 'nem', 'nada', 'ninguém', 'nenhum', 'nenhuma', 'sem'],
    intensifiers: ['muito', 'muita', 'muitíssimo', 'super', 'tão', 'tanto', 'demais', 'bastante', 'totalmente', 'realmente', 'bem', 'mega'],
    dampeners: ['pouco', 'meio', 'quase', 'um pouco', 'ligeiramente', 'apenas'],
    contrasts: ['mas', 'porém', 'contudo', 'entretanto', 'todavia', 'no entanto'],
    concessives: ['embora', 'apesar de'],
    irrealis: ['se', 'deveria', 'poderia', 'talvez', 'tomara', 'quem sabe'],
    functionWords: [
      'o', 'a', 'os', 'as', 'um', 'uma', 'e', 'que', 'de', 'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'nos', 'nas', 'é',
      'não', 'com', 'para', 'por', 'se', 'mais', 'mas', 'muito', 'eu', 'você', 'voce', 'meu', 'minha', 'isso', 'este', 'esta',
      'está', 'estou', 'foi', 'são', 'tem', 'já', 'ao', 'pra', 'também', 'quando', 'porque', 'nem', 'ele', 'ela', 'bem',
      'aqui', 'hoje', 'só', 'vc', 'tá', 'nao', 'isto', 'adorei', 'gostei',
    ],
  },
  {
    code: 'fra',
    naturalName: 'French',
    vocabularies: ['pattern'],
    stemmer: 'PorterStemmerFr',
    negators: ['ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'personne', 'sans', "n'est", "n'a", "n'ai", "n'était", 'non', 'ni', 'guère'],
    intensifiers: ['très', 'tres', 'trop', 'vraiment', 'tellement', 'si', 'super', 'hyper', 'extrêmement', 'totalement', 'absolument', 'tout', 'grave', 'vachement', 'fort'],
    dampeners: ['peu', 'un peu', 'assez', 'plutôt', 'presque', 'légèrement', 'moyennement'],
    contrasts: ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins'],
    concessives: ['bien que', 'malgré', 'quoique'],
    irrealis: ['si', "s'il", 'devrait', 'pourrait', 'peut-être', 'aurait'],
    functionWords: [
      'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'est', "c'est", 'que', 'qui', 'pas', 'ne', 'je', "j'ai", 'tu',
      'il', 'elle', 'nous', 'vous', 'ils', 'on', 'ce', 'cette', 'ça', 'pour', 'avec', 'dans', 'sur', 'au', 'aux', 'mais',
      'très', 'mon', 'ma', 'mes', 'ton', 'son', 'sa', 'ses', 'plus', 'tout', 'suis', 'sont', 'été', 'fait', 'y', 'en',
      "n'est", "qu'il", "j'aime", "c'était", 'aussi', 'moi', 'toi', 'leur', 'bien',
    ],
  },
  {
    code: 'ita',
    naturalName: 'Italian',
    vocabularies: ['pattern'],
    stemmer: 'PorterStemmerIt',
    negators: ['non', 'mai', 'nessuno', 'nessuna', 'niente', 'nulla', 'senza', 'né', 'neanche', 'nemmeno'],
    intensifiers: ['molto', 'tanto', 'troppo', 'davvero', 'proprio', 'super', 'estremamente', 'veramente', 'assolutamente', 'tutto', 'così', 'parecchio'],
    dampeners: ['poco', 'un po', "un po'", 'abbastanza', 'quasi', 'leggermente', 'piuttosto'],
    contrasts: ['ma', 'però', 'tuttavia', 'eppure', 'invece'],
    concessives: ['anche se', 'sebbene', 'benché', 'nonostante'],
    irrealis: ['se', 'dovrebbe', 'potrebbe', 'magari', 'forse'],
    functionWords: [
      'il', 'lo', 'la', 'i', 'gli', 'le', 'un', 'una', 'uno', 'e', 'è', 'di', 'che', 'non', 'per', 'con', 'del', 'della',
      'in', 'sono', 'mi', 'ma', 'molto', 'questo', 'questa', 'ho', 'ha', 'hanno', 'io', 'tu', 'lui', 'lei', 'noi', 'voi',
      'si', 'ci', 'come', 'anche', 'più', 'perché', 'tutto', 'sempre', 'dei', 'delle', 'nel', 'nella', 'al', 'alla', 'da',
      'cosa', 'sei', 'mio', 'mia', 'ti', 'oggi', 'ancora',
    ],
  },
  {
    code: 'deu',
    naturalName: 'German',
    vocabularies: ['pattern'],
    stemmer: 'PorterStemmerDe',
    negators: ['nicht', 'kein', 'keine', 'keinen', 'keiner', 'keinem', 'nie', 'niemals', 'nichts', 'niemand', 'ohne', 'weder'],
    intensifiers: ['sehr', 'total', 'wirklich', 'echt', 'extrem', 'super', 'so', 'zu', 'absolut', 'völlig', 'besonders', 'ziemlich', 'richtig', 'voll', 'mega', 'unglaublich'],
    dampeners: ['etwas', 'kaum', 'wenig', 'bisschen', 'ein bisschen', 'fast', 'eher', 'leicht'],
    contrasts: ['aber', 'jedoch', 'allerdings', 'sondern', 'trotzdem', 'dennoch'],
    concessives: ['obwohl', 'trotz'],
    irrealis: ['wenn', 'falls', 'würde', 'könnte', 'sollte', 'vielleicht', 'hoffentlich'],
    functionWords: [
      'der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'du', 'er', 'sie', 'es', 'wir', 'ihr', 'ein', 'eine', 'einen', 'mit',
      'auf', 'für', 'von', 'zu', 'den', 'dem', 'des', 'im', 'auch', 'sich', 'aber', 'wie', 'noch', 'sehr', 'war', 'hat',
      'haben', 'bin', 'mein', 'meine', 'kein', 'keine', 'nur', 'schon', 'wenn', 'dass', 'doch', 'was', 'mal', 'ganz',
      'heute', 'bei', 'nach', 'wird', 'sind', 'oder', 'mich', 'dir', 'uns',
    ],
  },
  {
    code: 'nld',
    naturalName: 'Dutch',
    vocabularies: ['pattern'],
    stemmer: 'PorterStemmerNl',
    negators: ['niet', 'geen', 'nooit', 'niets', 'niks', 'niemand', 'zonder', 'nergens'],
    intensifiers: ['heel', 'erg', 'zeer', 'echt', 'super', 'zo', 'te', 'ontzettend', 'enorm', 'totaal', 'hartstikke', 'helemaal', 'vreselijk', 'mega', 'best'],
    dampeners: ['beetje', 'een beetje', 'wat', 'nauwelijks', 'bijna', 'enigszins', 'vrij'],
    contrasts: ['maar', 'echter', 'toch', 'desondanks'],
    concessives: ['hoewel', 'ondanks', 'ofschoon'],
    irrealis: ['als', 'zou', 'zouden', 'kon', 'moest', 'misschien', 'hopelijk'],
    functionWords: [
      'de', 'het', 'een', 'en', 'is', 'van', 'ik', 'je', 'jij', 'niet', 'dat', 'die', 'te', 'in', 'op', 'met', 'voor', 'zijn',
      'maar', 'ook', 'wel', 'heel', 'nog', 'er', 'naar', 'om', 'hij', 'zij', 'we', 'wij', 'mijn', 'jullie', 'bij', 'aan',
      'dit', 'deze', 'geen', 'wat', 'hoe', 'als', 'dan', 'echt', 'nu', 'ben', 'heb', 'heeft', 'was', 'zo', 'mij', 'me', 'ze',
    ],
  },
  {
    code: 'cat',
    naturalName: 'Catalan',
    vocabularies: ['senticon'],
    negators: ['no', 'mai', 'cap', 'res', 'ningú', 'sense', 'tampoc', 'ni'],
    intensifiers: ['molt', 'molta', 'molts', 'moltes', 'massa', 'super', 'tan', 'totalment', 'realment', 'ben', 'força', 'bastant'],
    dampeners: ['poc', 'una mica', 'gairebé', 'quasi', 'lleugerament'],
    contrasts: ['però', 'sinó', 'tanmateix', 'no obstant'],
    concessives: ['encara que', 'tot i que', 'malgrat'],
    irrealis: ['si', 'hauria', 'podria', 'potser', 'tant de bo'],
    functionWords: [
      'el', 'la', 'els', 'les', 'un', 'una', 'i', 'que', 'de', 'del', 'en', 'és', 'per', 'amb', 'no', 'es', 'em', 'et',
      'ens', 'molt', 'però', 'més', 'són', 'aquest', 'aquesta', 'jo', 'tu', 'ell', 'ella', 'nosaltres', 'també', 'quan',
      'perquè', 'ho', 'hi', 'tot', 'això', 'està', 'estic', 'ha', 'han', 'he', 'al', 'als', 'seu', 'seva', 'meu', 'meva',
      'avui', 'amb', 'pel', 'dels', 'aquí', 'tinc', 'som',
    ],
  },
  {
    code: 'glg',
    naturalName: 'Galician',
    vocabularies: ['senticon'],
    negators: ['non', 'nunca', 'xamais', 'nin', 'nada', 'ninguén', 'ningún', 'ningunha', 'sen', 'tampouco'],
    intensifiers: ['moi', 'moito', 'moita', 'moitísimo', 'super', 'tan', 'tanto', 'demasiado', 'totalmente', 'realmente', 'ben', 'bastante'],
    dampeners: ['pouco', 'algo', 'apenas', 'case', 'un pouco', 'lixeiramente'],
    contrasts: ['pero', 'mais', 'senón', 'porén', 'con todo'],
    concessives: ['aínda que', 'malia'],
    irrealis: ['se', 'debería', 'podería', 'quizais', 'oxalá'],
    functionWords: [
      'o', 'a', 'os', 'as', 'un', 'unha', 'e', 'que', 'de', 'do', 'da', 'dos', 'das', 'en', 'no', 'na', 'nos', 'nas', 'é',
      'non', 'con', 'para', 'por', 'se', 'máis', 'pero', 'moi', 'eu', 'ti', 'el', 'ela', 'isto', 'iso', 'este', 'esta',
      'está', 'estou', 'foi', 'son', 'ten', 'xa', 'ao', 'tamén', 'cando', 'porque', 'nin', 'ben', 'aquí', 'hoxe', 'meu',
      'miña', 'unhas', 'moito', 'coa', 'polo', 'pola',
    ],
  },
  {
    code: 'eus',
    naturalName: 'Basque',
    vocabularies: ['senticon'],
    negators: ['ez', 'inoiz', 'ezer', 'inor', 'gabe', 'ezta'],
    intensifiers: ['oso', 'benetan', 'izugarri', 'guztiz', 'erabat', 'txit', 'super', 'hain'],
    dampeners: ['pixka bat', 'apur bat', 'ia', 'nahiko', 'gutxi'],
    contrasts: ['baina', 'baizik', 'hala ere', 'ordea'],
    concessives: ['nahiz eta', 'arren'],
    irrealis: ['balitz', 'beharko', 'agian', 'ahal'],
    functionWords: [
      'eta', 'da', 'ez', 'bat', 'du', 'dira', 'ere', 'baina', 'oso', 'hau', 'hori', 'ni', 'zu', 'gu', 'bere', 'nire', 'zure',
      'dut', 'duzu', 'dugu', 'zen', 'izan', 'dago', 'daude', 'naiz', 'zara', 'gara', 'egin', 'bai', 'edo', 'nola', 'zer',
      'non', 'gaur', 'baino', 'guztiak', 'asko', 'dute', 'zuen', 'ziren', 'behar', 'gabe', 'beste', 'hemen', 'orain',
    ],
  },
];

/**
 * Latin-script languages natural cannot score, with their most frequent function words, so that
 * a Danish or Indonesian mention is recognised as such instead of being read as a scored language.
 */
export const UNSCORED_LATIN_LANGUAGES: ReadonlyArray<{ code: string; functionWords: readonly string[] }> = [
  { code: 'dan', functionWords: ['og', 'det', 'er', 'en', 'et', 'at', 'jeg', 'ikke', 'du', 'han', 'hun', 'vi', 'de', 'med', 'på', 'til', 'af', 'har', 'var', 'som', 'den', 'men', 'så', 'meget', 'også', 'mig', 'min', 'dig', 'fra', 'kan', 'skal', 'hvad', 'hvor', 'nu', 'bare', 'lige', 'eller', 'når', 'her'] },
  { code: 'swe', functionWords: ['och', 'det', 'är', 'en', 'ett', 'att', 'jag', 'inte', 'du', 'han', 'hon', 'vi', 'de', 'med', 'på', 'för', 'till', 'av', 'har', 'var', 'som', 'den', 'men', 'så', 'mycket', 'också', 'mig', 'min', 'dig', 'från', 'kan', 'ska', 'vad', 'hur', 'nu', 'bara', 'här', 'om', 'när', 'eller'] },
  { code: 'nob', functionWords: ['og', 'det', 'er', 'en', 'et', 'at', 'jeg', 'ikke', 'du', 'han', 'hun', 'vi', 'de', 'med', 'på', 'for', 'til', 'av', 'har', 'var', 'som', 'den', 'men', 'så', 'veldig', 'også', 'meg', 'min', 'deg', 'fra', 'kan', 'skal', 'hva', 'hvor', 'nå', 'bare', 'her', 'om', 'når', 'eller'] },
  { code: 'pol', functionWords: ['i', 'w', 'z', 'na', 'się', 'nie', 'to', 'jest', 'że', 'do', 'jak', 'ale', 'co', 'tak', 'po', 'za', 'od', 'mnie', 'mi', 'już', 'jestem', 'bardzo', 'tylko', 'czy', 'ja', 'ty', 'on', 'ona', 'był', 'była', 'tego', 'tym', 'ten', 'jestem', 'są', 'dla'] },
  { code: 'ces', functionWords: ['a', 'se', 'na', 'je', 'v', 've', 'to', 'že', 's', 'z', 'do', 'jak', 'ale', 'tak', 'jsem', 'jsi', 'není', 'byl', 'ten', 'co', 'jen', 'už', 'velmi', 'mě', 'by', 'pro', 'od', 'když', 'jsou', 'také'] },
  { code: 'tur', functionWords: ['ve', 'bir', 'bu', 'da', 'de', 'çok', 'ne', 'için', 'ile', 'ben', 'sen', 'biz', 'var', 'yok', 'gibi', 'daha', 'ama', 'değil', 'mi', 'mı', 'şey', 'her', 'kadar', 'çünkü', 'olarak', 'diye', 'sonra', 'bana', 'beni', 'sana'] },
  { code: 'ind', functionWords: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'ada', 'saya', 'aku', 'kamu', 'dari', 'akan', 'ke', 'juga', 'sudah', 'bisa', 'tapi', 'karena', 'apa', 'atau', 'kita', 'mereka', 'lagi', 'sangat', 'banget', 'gak', 'nggak', 'dia', 'pada', 'sama', 'udah', 'aja'] },
  { code: 'tgl', functionWords: ['ang', 'ng', 'sa', 'na', 'mga', 'at', 'ay', 'ko', 'mo', 'siya', 'ako', 'ikaw', 'hindi', 'ito', 'yan', 'yung', 'lang', 'po', 'naman', 'pa', 'din', 'rin', 'ka', 'kasi', 'kayo', 'sila', 'natin', 'namin', 'talaga'] },
  { code: 'ron', functionWords: ['și', 'în', 'de', 'la', 'cu', 'nu', 'pe', 'este', 'un', 'ce', 'să', 'mai', 'care', 'din', 'pentru', 'am', 'ai', 'sunt', 'foarte', 'dar', 'că', 'se', 'ne', 'mă', 'îmi', 'eu', 'tu', 'el', 'ea', 'noi', 'asta', 'acest', 'fost'] },
  { code: 'hun', functionWords: ['a', 'az', 'és', 'hogy', 'nem', 'is', 'egy', 'van', 'meg', 'csak', 'már', 'ez', 'mint', 'én', 'te', 'ő', 'mi', 'ti', 'ők', 'nagyon', 'volt', 'vagy', 'még', 'ha', 'ki', 'mit', 'ezt', 'azt'] },
  { code: 'fin', functionWords: ['ja', 'on', 'ei', 'se', 'että', 'oli', 'en', 'ole', 'kun', 'mutta', 'niin', 'myös', 'minä', 'sinä', 'hän', 'me', 'te', 'he', 'tämä', 'tuo', 'hyvin', 'kanssa', 'jo', 'vain', 'nyt', 'mitä', 'kuin', 'ovat', 'olen', 'oon'] },
  { code: 'vie', functionWords: ['không', 'và', 'là', 'của', 'có', 'tôi', 'bạn', 'một', 'những', 'các', 'được', 'này', 'cho', 'với', 'người', 'đã', 'rất', 'thì', 'mà', 'cũng', 'để', 'khi', 'như', 'đi', 'ở', 'nhưng'] },
  { code: 'swh', functionWords: ['na', 'ya', 'wa', 'za', 'kwa', 'ni', 'katika', 'hii', 'hiyo', 'mimi', 'wewe', 'yeye', 'sisi', 'hapana', 'ndiyo', 'sana', 'lakini', 'kama', 'pia', 'bado', 'kuwa', 'hata'] },
  { code: 'afr', functionWords: ['die', 'en', 'is', 'nie', 'van', 'ek', 'jy', 'hy', 'sy', 'ons', 'het', "'n", 'dat', 'in', 'op', 'met', 'vir', 'was', 'om', 'te', 'maar', 'ook', 'baie', 'wat', 'hoe', 'sal', 'gaan', 'kan'] },
  { code: 'hrv', functionWords: ['i', 'je', 'u', 'da', 'se', 'na', 'su', 'za', 'ne', 'od', 'sa', 's', 'to', 'ali', 'što', 'kako', 'sam', 'si', 'smo', 'ste', 'bio', 'bila', 'ovo', 'ono', 'ja', 'ti', 'on', 'ona', 'mi', 'vi', 'oni', 'jako', 'baš', 'samo', 'već'] },
];

/** ISO 639-1 codes of the languages the analyzer knows by name, so that a source's `en` or `pt-BR` finds its profile. */
export const ISO_639_1_TO_3: Readonly<Record<string, string>> = {
  en: 'eng', es: 'spa', pt: 'por', fr: 'fra', it: 'ita', de: 'deu', nl: 'nld', ca: 'cat', gl: 'glg', eu: 'eus',
  da: 'dan', sv: 'swe', nb: 'nob', no: 'nob', nn: 'nno', pl: 'pol', cs: 'ces', tr: 'tur', id: 'ind', ms: 'zlm', tl: 'tgl',
  ro: 'ron', hu: 'hun', fi: 'fin', vi: 'vie', sw: 'swh', af: 'afr', hr: 'hrv', sr: 'srp', bs: 'bos', sl: 'slv', sk: 'slk',
  et: 'ekk', lv: 'lvs', lt: 'lit', is: 'isl', ga: 'gle', cy: 'cym', sq: 'als', ru: 'rus', uk: 'ukr', be: 'bel', bg: 'bul',
  mk: 'mkd', el: 'ell', he: 'heb', ar: 'arb', fa: 'pes', ur: 'urd', hi: 'hin', bn: 'ben', pa: 'pan', gu: 'guj', ta: 'tam',
  te: 'tel', kn: 'kan', ml: 'mal', mr: 'mar', ne: 'npi', si: 'sin', th: 'tha', lo: 'lao', km: 'khm', my: 'mya', ka: 'kat',
  hy: 'hye', am: 'amh', zh: 'cmn', ja: 'jpn', ko: 'kor', mn: 'khk', kk: 'kaz', uz: 'uzn', az: 'azj', ha: 'hau', yo: 'yor',
  ig: 'ibo', zu: 'zul', xh: 'xho', so: 'som', mg: 'plt', eo: 'epo', la: 'lat', lb: 'ltz', fy: 'fry', mt: 'mlt', jv: 'jav',
  su: 'sun', ht: 'hat', qu: 'quy', ps: 'pbu', ku: 'kmr', tg: 'tgk', ky: 'kir', tk: 'tuk', tt: 'tat', ug: 'uig', yi: 'ydd',
};
