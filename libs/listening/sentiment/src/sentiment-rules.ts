import type { SentimentLabel } from '@herald/events';

import { normaliseEmoticon } from './social-lexicon.ts';
import { tokenizeSocialText, type Token } from './social-tokenizer.ts';

/** A workspace's own reading of a term: "killer feature" is praise for a product, "war zone" a game map. */
export interface SentimentRule {
  /** A word, phrase, emoji or emoticon; matched case-insensitively, on whole tokens. */
  term: string;
  sentiment: SentimentLabel;
}

export interface CompiledRule {
  /** Token keys (see `tokenKey`). */
  keys: readonly string[];
  valence: number;
  term: string;
}

export interface CompiledSentimentRules {
  readonly kind: 'compiled-sentiment-rules';
  /** By first token key, longest first. */
  readonly byFirstKey: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly size: number;
}

/** As strong as AFINN's "good"/"bad": a rule states the term's direction, not an extreme. */
export const RULE_VALENCE = 3;

const VALENCE_BY_LABEL: Record<SentimentLabel, number> = { positive: RULE_VALENCE, neutral: 0, negative: -RULE_VALENCE };

/** The form a token is matched by: words in their normalised spelling, emoticons without nose. */
export function tokenKey(token: Token): string {
  if (token.kind === 'emoticon') return normaliseEmoticon(token.norm);
  return token.norm;
}

const compiledByArray = new WeakMap<readonly SentimentRule[], CompiledSentimentRules>();

/**
 * Rules are compiled once per array: a service that keeps a workspace's rules in one array and
 * passes it with every mention pays for compilation once. Terms with nothing to match are skipped.
 */
export function compileSentimentRules(rules: readonly SentimentRule[]): CompiledSentimentRules {
  const cached = compiledByArray.get(rules);
  if (cached) return cached;
  const byFirstKey = new Map<string, CompiledRule[]>();
  let size = 0;
  for (const rule of rules) {
    if (!rule || typeof rule.term !== 'string') continue;
    const valence = VALENCE_BY_LABEL[rule.sentiment];
    if (valence === undefined) continue;
    const keys = tokenizeSocialText(rule.term)
      .tokens.filter((t) => t.kind !== 'break')
      .map(tokenKey);
    const first = keys[0];
    if (first === undefined) continue;
    const list = byFirstKey.get(first) ?? [];
    // A later rule for the same term replaces the earlier one.
    const same = list.findIndex((r) => r.keys.join(' ') === keys.join(' '));
    if (same >= 0) list.splice(same, 1);
    else size++;
    list.push({ keys, valence, term: rule.term.trim() });
    byFirstKey.set(first, list);
  }
  for (const list of byFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const compiled: CompiledSentimentRules = { kind: 'compiled-sentiment-rules', byFirstKey, size };
  compiledByArray.set(rules, compiled);
  return compiled;
}

export function isCompiledSentimentRules(value: unknown): value is CompiledSentimentRules {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'compiled-sentiment-rules';
}
