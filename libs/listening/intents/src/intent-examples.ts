import { readFileSync } from 'node:fs';

import { isIntent, type Intent } from './intents.ts';

/** One labeled mention of the training set. */
export interface IntentExample {
  text: string;
  intent: Intent;
  /** ISO 639-1 code of the text. */
  language: string;
}

/** The labeled set the shipped model is trained on (`data/intents.jsonl`, see data/README.md). */
export const INTENT_EXAMPLES_URL = new URL('../data/intents.jsonl', import.meta.url);

/** Parses JSON lines of `{ text, intent, language }`; a bad line throws with its number. */
export function parseIntentExamples(jsonl: string): IntentExample[] {
  const examples: IntentExample[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `intent examples line ${index + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON (${(error as Error).message})`);
    }
    const { text, intent, language } = (row ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || text.trim() === '') throw new Error(`${where}: "text" must be a non-empty string`);
    if (!isIntent(intent)) throw new Error(`${where}: unknown intent ${JSON.stringify(intent)}`);
    if (typeof language !== 'string' || !/^[a-z]{2}$/.test(language)) throw new Error(`${where}: "language" must be an ISO 639-1 code`);
    examples.push({ text, intent, language });
  });
  return examples;
}

let shipped: IntentExample[] | undefined;

export function loadIntentExamples(): IntentExample[] {
  shipped ??= parseIntentExamples(readFileSync(INTENT_EXAMPLES_URL, 'utf8'));
  return shipped;
}
