import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { detectFormat, rankFormats } from './detect-format.ts';
import { fixture } from './testing/import-test-kit.ts';

const X_V1_HEADER =
  'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes,user profile clicks,url clicks,hashtag clicks,detail expands,permalink clicks,app opens,app installs,follows,email tweet,dial phone,media views,media engagements,promoted impressions,promoted engagements,promoted engagement rate,promoted retweets,promoted replies,promoted likes,promoted user profile clicks,promoted url clicks,promoted hashtag clicks,promoted detail expands,promoted permalink clicks,promoted app opens,promoted app installs,promoted follows,promoted email tweet,promoted dial phone,promoted media views,promoted media engagements'.split(
    ',',
  );

/** The header row of a fixture, as the CSV parser reads it. */
function headerOf(name: string): string[] {
  const text = readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
  const rows = parse(text, { delimiter: [',', ';'], relax_column_count: true, to_line: 2 }) as string[][];
  return (rows[0]?.length === 1 ? rows[1] : rows[0]) ?? [];
}

describe('detectFormat', () => {
  it('recognises the 40-column X tweet activity header and maps its metrics', () => {
    const match = detectFormat(X_V1_HEADER);
    expect(match?.format.id).toBe('x-tweet-activity');
    expect(match?.format.version).toBe(1);
    expect(match?.columns).toMatchObject({ networkPostId: ['Tweet id'], publishedAt: ['time'], shares: ['retweets'], comments: ['replies'] });
    expect(match?.ignoredColumns).toContain('promoted impressions');
  });

  it.each([
    ['x-account-analytics-content.en.csv', 'x-account-analytics-content', 'en'],
    ['meta-facebook-posts.en.csv', 'meta-facebook-posts', 'en'],
    ['meta-facebook-posts.es.csv', 'meta-facebook-posts', 'es'],
    ['meta-facebook-posts.fr.csv', 'meta-facebook-posts', 'fr'],
    ['meta-facebook-posts.de.csv', 'meta-facebook-posts', 'de'],
    ['meta-facebook-posts.pt.csv', 'meta-facebook-posts', 'pt'],
    ['meta-instagram-posts.en.csv', 'meta-instagram-posts', 'en'],
    ['meta-instagram-posts.de.csv', 'meta-instagram-posts', 'de'],
    ['linkedin-page-content.en.csv', 'linkedin-page-content', 'en'],
    ['tiktok-studio-content.en.csv', 'tiktok-studio-content', 'en'],
  ])('recognises %s as %s in %s', (file, id, language) => {
    const match = detectFormat(headerOf(file));
    expect(match?.format.id).toBe(id);
    expect(match?.language).toBe(language);
  });

  it('reads French Facebook headers with the French names for reach and reactions', () => {
    const match = detectFormat(headerOf('meta-facebook-posts.fr.csv'));
    expect(match?.columns.reach).toEqual(['Couverture']);
    expect(match?.columns.likes).toEqual(['Réactions']);
    expect(match?.columns.engagements).toEqual(['Réactions, commentaires et partages']);
  });

  it('ignores case, accents and punctuation in header names', () => {
    const match = detectFormat(['BEITRAGS ID', 'konto id', 'veroffentlichungszeitpunkt', 'Gefällt mir Angaben', 'Reichweite']);
    expect(match?.format.id).toBe('meta-instagram-posts');
    expect(match?.columns.likes).toEqual(['Gefällt mir Angaben']);
  });

  it('tells Facebook from Instagram by the page or account columns', () => {
    const common = ['Post ID', 'Publish time', 'Permalink', 'Post type', 'Reach'];
    expect(detectFormat([...common, 'Page ID'])?.format.family).toBe('facebook');
    expect(detectFormat([...common, 'Account username'])?.format.family).toBe('instagram');
    expect(detectFormat(common)).toBeNull();
  });

  it('reads Meta’s 2025 Views column as impressions, preferring Impressions when both exist', () => {
    expect(detectFormat(['Post ID', 'Account ID', 'Publish time', 'Views'])?.columns.impressions).toEqual(['Views']);
    expect(detectFormat(['Post ID', 'Account ID', 'Publish time', 'Views', 'Impressions'])?.columns.impressions).toEqual(['Impressions', 'Views']);
  });

  it('narrows the search to one network when asked', () => {
    expect(detectFormat(X_V1_HEADER, { family: 'facebook' })).toBeNull();
    expect(detectFormat(X_V1_HEADER, { family: 'x' })?.format.id).toBe('x-tweet-activity');
  });

  it('explains a near miss: the closest format and the columns it lacks', () => {
    const header = X_V1_HEADER.filter((h) => h !== 'time');
    expect(detectFormat(header)).toBeNull();
    const [closest] = rankFormats(header);
    expect(closest?.format.id).toBe('x-tweet-activity');
    expect(closest?.missing).toEqual(['time']);
  });

  it('recognises nothing in an unrelated header', () => {
    expect(detectFormat(['Page total likes', 'Type', 'Category', 'Lifetime Post Total Reach'])).toBeNull();
    expect(detectFormat([])).toBeNull();
  });
});
