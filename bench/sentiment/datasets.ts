import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseCsv } from './csv.ts';

export type Gold = 'negative' | 'neutral' | 'positive';
export type Half = 'fit' | 'test';

export interface Item {
  id: string;
  text: string;
  gold: Gold;
  half: Half;
}

export interface Dataset {
  name: string;
  items: Item[];
}

/** Changing the seed changes which items are fitted on; the reported half must never be fitted on. */
export const SPLIT_SEED = 'herald-sentiment-2026';

/** FNV-1a (32 bit): a fixed, seeded split that does not depend on file order or Math.random. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function halfOf(dataset: string, id: string): Half {
  return (fnv1a(`${SPLIT_SEED}:${dataset}:${id}`) & 1) === 0 ? 'fit' : 'test';
}

/** The VADER paper's mean human rating in [-4, 4]; ±0.5 keeps the weakly rated items neutral. */
export function goldFromMeanRating(mean: number): Gold {
  if (mean >= 0.5) return 'positive';
  if (mean <= -0.5) return 'negative';
  return 'neutral';
}

function readVader(root: string, file: string, name: string): Dataset {
  const text = readFileSync(join(root, 'vader-hutto-icwsm2014', file), 'utf8');
  const items: Item[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first < 0 || second < 0) throw new Error(`${file}: malformed line ${JSON.stringify(line.slice(0, 80))}`);
    const id = line.slice(0, first);
    const mean = Number(line.slice(first + 1, second));
    if (!Number.isFinite(mean)) throw new Error(`${file}: bad rating for id ${id}`);
    items.push({ id, text: line.slice(second + 1), gold: goldFromMeanRating(mean), half: halfOf(name, id) });
  }
  return { name, items };
}

function readSentiment140(root: string): Dataset {
  const name = 'sentiment140-test';
  const rows = parseCsv(readFileSync(join(root, 'sentiment140-test', 'testdata.manual.2009.06.14.csv'), 'utf8'));
  const header = rows.shift();
  if (header?.[0] !== 'polarity' || header[5] !== 'text') throw new Error('sentiment140: unexpected header');
  const golds: Record<string, Gold> = { '0': 'negative', '2': 'neutral', '4': 'positive' };
  return {
    name,
    items: rows.map((row) => {
      const gold = golds[row[0] ?? ''];
      const id = row[1] ?? '';
      if (!gold) throw new Error(`sentiment140: bad polarity in row ${id}`);
      return { id, text: row[5] ?? '', gold, half: halfOf(name, id) };
    }),
  };
}

function readAirline(root: string): Dataset {
  const name = 'airline';
  const rows = parseCsv(readFileSync(join(root, 'twitter-us-airline-sentiment', 'Tweets.csv'), 'utf8'));
  const header = rows.shift() ?? [];
  const labelAt = header.indexOf('airline_sentiment');
  const textAt = header.indexOf('text');
  if (labelAt < 0 || textAt < 0) throw new Error('airline: unexpected header');
  // Tweet ids repeat for a few rows, so the row number is the stable id.
  return {
    name,
    items: rows.map((row, index) => {
      const gold = row[labelAt];
      if (gold !== 'negative' && gold !== 'neutral' && gold !== 'positive') throw new Error(`airline: bad label in row ${index}`);
      const id = String(index);
      return { id, text: row[textAt] ?? '', gold, half: halfOf(name, id) };
    }),
  };
}

export function loadDatasets(root: string): Dataset[] {
  return [
    readVader(root, 'tweets_GroundTruth.txt', 'vader-tweets'),
    readVader(root, 'movieReviewSnippets_GroundTruth.txt', 'vader-movie'),
    readVader(root, 'amazonReviewSnippets_GroundTruth.txt', 'vader-amazon'),
    readVader(root, 'nytEditorialSnippets_GroundTruth.txt', 'vader-nyt'),
    readSentiment140(root),
    readAirline(root),
  ];
}
