import { describe, expect, it } from 'vitest';

import type { ColumnMapping } from './column-mapping.schema.ts';
import { parseExport } from './parse-export.ts';
import type { ParseExportOptions } from './parse-options.ts';
import { collect, failure } from './testing/import-test-kit.ts';

const CAPTURED_AT = '2026-01-01T00:00:00Z';
const run = (text: string, mapping: ColumnMapping, options: ParseExportOptions = {}) =>
  collect(parseExport([Buffer.from(text)], { mapping, capturedAt: CAPTURED_AT, ...options }));

describe('column mappings', () => {
  it('maps a scheduling tool’s post export, with day-first dates in a given zone and decimal commas', async () => {
    const text = [
      'ID;Veröffentlicht;Text;Link;Art;Kampagne;Hashtags;Impressionen;Klicks',
      '9001;31.12.2025 23:30;"Guten Rutsch; bis 2026!";https://example.social/p/9001;Video;Silvester;#neujahr #2026;1.234;12',
    ].join('\n');
    const [record] = await run(
      text,
      {
        target: 'posts',
        network: 'threads',
        dateFormat: 'DD.MM.YYYY HH:mm',
        timeZone: 'Europe/Berlin',
        decimalSeparator: ',',
        columns: {
          networkPostId: 'ID',
          publishedAt: 'veroffentlicht',
          text: 'Text',
          link: 'Link',
          contentType: 'Art',
          campaign: 'Kampagne',
          tags: 'Hashtags',
          impressions: 'Impressionen',
          linkClicks: 'Klicks',
        },
      },
      { profileId: 'brand-de' },
    );
    expect(record).toEqual({
      row: 2,
      kind: 'post',
      post: {
        network: 'threads',
        networkPostId: '9001',
        profileId: 'brand-de',
        publishedAt: '2025-12-31T23:30:00+01:00',
        sourceTimeZone: 'Europe/Berlin',
        text: 'Guten Rutsch; bis 2026!',
        link: 'https://example.social/p/9001',
        contentType: 'video',
        campaign: 'Silvester',
        tags: ['neujahr', '2026'],
      },
      metrics: { capturedAt: '2026-01-01T00:00:00.000Z', impressions: 1234, linkClicks: 12 },
    });
  });

  it('reads daily metrics with their own capture dates, keyed by post and day', async () => {
    const text = 'post,day,views\n77,2025-05-01,10\n77,2025-05-02,25\n77,2025-05-01,10\n';
    const records = await run(text, { target: 'metrics', network: 'youtube', columns: { networkPostId: 'post', capturedAt: 'day', videoViews: 'views' } });
    expect(records).toEqual([
      { row: 2, kind: 'metrics', networkPostId: '77', network: 'youtube', metrics: { capturedAt: '2025-05-01T00:00:00+00:00', videoViews: 10 } },
      { row: 3, kind: 'metrics', networkPostId: '77', network: 'youtube', metrics: { capturedAt: '2025-05-02T00:00:00+00:00', videoViews: 25 } },
      { row: 4, kind: 'duplicate', of: 2 },
    ]);
  });

  it('reads follower counts per day, with the profile from the options', async () => {
    const text = 'Date,Total followers\n2025-06-01,"12,000"\n2025-06-02,\n2025-06-03,-3\n';
    const records = await run(
      text,
      { target: 'followers', network: 'linkedin', columns: { date: 'Date', followers: 'Total followers' } },
      { profileId: 'acme' },
    );
    expect(records).toEqual([
      { row: 2, kind: 'followers', item: { profileId: 'acme', network: 'linkedin', date: '2025-06-01', followers: 12000 } },
      { row: 3, kind: 'rejected', field: 'followers', column: 'Total followers', reason: 'Column "Total followers": is empty' },
      { row: 4, kind: 'rejected', field: 'followers', column: 'Total followers', reason: 'Column "Total followers": "-3" is negative; counts cannot be' },
    ]);
  });

  it('reads mentions from a listening tool, checking kinds and languages', async () => {
    const text = [
      'id,when,author,message,type,lang,reply_to',
      'm1,2025-07-01T10:00:00Z,@fan,Love the new report!,reply,en-GB,p9',
      'm2,2025-07-01T11:00:00+02:00,,Où est le rapport ?,mention,fr,',
      'm3,2025-07-01T12:00:00Z,@bot,spam,retweet,en,',
    ].join('\n');
    const records = await run(text, {
      target: 'mentions',
      network: 'x',
      columns: { networkMentionId: 'id', occurredAt: 'when', author: 'author', text: 'message', kind: 'type', language: 'lang', inReplyToPostId: 'reply_to' },
    });
    expect(records[0]).toEqual({
      row: 2,
      kind: 'mention',
      mention: {
        network: 'x',
        networkMentionId: 'm1',
        kind: 'comment',
        author: '@fan',
        text: 'Love the new report!',
        language: 'en',
        occurredAt: '2025-07-01T10:00:00+00:00',
        inReplyToPostId: 'p9',
      },
    });
    expect(records[1]).toMatchObject({ kind: 'mention', mention: { occurredAt: '2025-07-01T11:00:00+02:00', language: 'fr', text: 'Où est le rapport ?' } });
    expect(records[2]).toMatchObject({
      row: 4,
      kind: 'rejected',
      field: 'kind',
      reason: expect.stringContaining('"retweet" is not one of mention, comment, direct_message, review'),
    });
  });

  it('tries a field’s columns in order, taking the first non-empty cell', async () => {
    const text = 'id,date,caption,title\n1,2025-01-01,,Only a title\n2,2025-01-02,A caption,A title\n';
    const records = await run(text, {
      target: 'posts',
      network: 'facebook',
      columns: { networkPostId: 'id', publishedAt: 'date', text: ['caption', 'title'] },
    });
    expect(records.map((r) => r.kind === 'post' && r.post.text)).toEqual(['Only a title', 'A caption']);
  });

  it('fails with IMPORT_UNKNOWN_FORMAT when the file lacks a mapped column', async () => {
    const { error } = await failure(
      parseExport([Buffer.from('id,date\n1,2025-01-01\n')], {
        mapping: { target: 'posts', network: 'x', columns: { networkPostId: 'id', publishedAt: 'published' } },
      }),
      'IMPORT_UNKNOWN_FORMAT',
    );
    expect(error.message).toContain('The header lacks the mapped column(s) "published" (for publishedAt)');
  });

  it('uses the mapping’s delimiter instead of guessing', async () => {
    const text = 'id|date|note\n1|2025-01-01|a,b;c\n';
    const [record] = await run(text, {
      target: 'posts',
      network: 'other',
      delimiter: '|',
      columns: { networkPostId: 'id', publishedAt: 'date', text: 'note' },
    });
    expect(record).toMatchObject({ kind: 'post', post: { text: 'a,b;c' } });
  });
});
