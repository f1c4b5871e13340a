/** A workspace's keyword set for one brand: its own, or a competitor's. */
export interface BrandKeywords {
  id: string;
  name: string;
  /** Names and handles of the brand ("Acme", "@acme", "Acme Cloud"). The name itself always counts. */
  keywords: readonly string[];
  products?: readonly string[];
  campaigns?: readonly string[];
  /** Phrases that look like the brand but are not ("apple pie" for Apple): ignored before matching. */
  excludes?: readonly string[];
}

export interface BrandMatch {
  brandId: string;
  /** The keywords that matched, normalised. */
  terms: string[];
}

export interface BrandMatcher {
  /** Ids of the brands a text names, in the order the brands were given. */
  match(text: string): string[];
  matchDetailed(text: string): BrandMatch[];
}

// Scripts written without spaces between words: a keyword in them is found anywhere in the text.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, accents off, every run of non-letters one space, padded: "#Acme-Cloud!" → " acme cloud ".
 * So "@acme", "#acme" and "ACME's" all hold " acme ", and "acmeville" does not.
 */
export function normaliseForMatching(text: string): string {
  const plain = text.normalize('NFKD').replace(MARKS, '').toLowerCase().replaceAll('\uFFFD', ' ');
  return ` ${plain.replace(SEPARATORS, ' ').trim()} `;
}

interface Pattern {
  term: string;
  needle: string;
}

function patternsOf(terms: readonly string[]): Pattern[] {
  const patterns = new Map<string, Pattern>();
  for (const raw of terms) {
    const term = normaliseForMatching(raw).trim();
    if (term === '') continue;
    patterns.set(term, { term, needle: UNSPACED.test(term) ? term : ` ${term} ` });
    // "#AcmeCloud" and "acmecloud.com" spell "Acme Cloud" without its space.
    if (term.includes(' ') && !UNSPACED.test(term)) {
      const squashed = term.replaceAll(' ', '');
      patterns.set(squashed, { term, needle: ` ${squashed} ` });
    }
  }
  return [...patterns.values()];
}

/**
 * Compiles the keyword sets once; matching is then a few substring searches per keyword on one
 * normalised copy of the text. Keywords match whole words, whatever the case, accents, or a
 * leading # or @.
 */
export function compileBrandMatcher(brands: readonly BrandKeywords[]): BrandMatcher {
  const compiled = brands.map((brand) => ({
    id: brand.id,
    patterns: patternsOf([brand.name, ...brand.keywords, ...(brand.products ?? []), ...(brand.campaigns ?? [])]),
    excludes: patternsOf(brand.excludes ?? []),
  }));
  const matchDetailed = (text: string): BrandMatch[] => {
    if (typeof text !== 'string' || compiled.length === 0) return [];
    const normalised = normaliseForMatching(text);
    const matches: BrandMatch[] = [];
    for (const brand of compiled) {
      let haystack = normalised;
      for (const exclude of brand.excludes) {
        if (haystack.includes(exclude.needle)) haystack = haystack.replaceAll(exclude.needle, ' ');
      }
      const terms = [...new Set(brand.patterns.filter((p) => haystack.includes(p.needle)).map((p) => p.term))];
      if (terms.length > 0) matches.push({ brandId: brand.id, terms });
    }
    return matches;
  };
  return { matchDetailed, match: (text) => matchDetailed(text).map((m) => m.brandId) };
}
