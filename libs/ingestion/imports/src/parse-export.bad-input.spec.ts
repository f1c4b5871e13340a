import { describe, expect, it } from 'vitest';

import { isImportError } from './import-error.ts';
import { parseExport } from './parse-export.ts';
import { chunked, collect, failure, ofKind } from './testing/import-test-kit.ts';

const CAPTURED_AT = '2026-01-01T00:00:00Z';
const HEADER = 'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes';
const tweet = (id: string, text = 'hello', time = '2025-01-31 22:13 +0000', impressions = '100.0', rest = '5.0,1.0,0.0,2.0') =>
  `${id},https://twitter.com/a/status/${id},${text},${time},${impressions},${rest}`;
const csv = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;
const run = (data: string | Uint8Array | Buffer[], options = {}) =>
  parseExport(Array.isArray(data) ? data : [typeof data === 'string' ? Buffer.from(data) : data], { capturedAt: CAPTURED_AT, ...options });

describe('file-level errors', () => {
  it.each([
    ['no chunks at all', []],
    ['zero bytes', [Buffer.alloc(0)]],
    ['a byte-order mark only', [Buffer.from([0xef, 0xbb, 0xbf])]],
    ['blank lines only', [Buffer.from('\n\r\n  \n,,,\n')]],
  ])('throws IMPORT_EMPTY for %s', async (_, chunks) => {
    const { error } = await failure(parseExport(chunks as Buffer[]), 'IMPORT_EMPTY');
    expect(error.retriable).toBe(false);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'a PNG image'],
    ['ZIP (xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], 'an .xlsx workbook'],
    ['OLE (xls)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'Excel 97–2003'],
    ['PDF', [...Buffer.from('%PDF-1.7\n')], 'a PDF document'],
    ['random binary', [0x13, 0x00, 0xff, 0x00, 0x42, 0x00, 0x00, 0x07, 0x99, 0x00], 'binary data'],
  ])('throws IMPORT_NOT_CSV for %s bytes', async (_, bytes, words) => {
    const { error } = await failure(run(Buffer.from(bytes)), 'IMPORT_NOT_CSV');
    expect(error.message).toContain(words);
  });

  it('throws IMPORT_NOT_CSV for an HTML page or a JSON document', async () => {
    await failure(run('<!DOCTYPE html><html><body>Log in</body></html>'), 'IMPORT_NOT_CSV');
    await failure(run('{"data": [{"id": 1}]}'), 'IMPORT_NOT_CSV');
    await failure(run('[{"id": 1}]'), 'IMPORT_NOT_CSV');
  });

  it('rejects Latin-1 bytes with the row and the byte, after yielding the rows before them', async () => {
    const bytes = Buffer.concat([Buffer.from(csv(tweet('1'))), Buffer.from(`${tweet('2', 'Caf\xe9 au lait')}\n`, 'latin1')]);
    const { error, yielded } = await failure(run(bytes), 'IMPORT_ENCODING');
    expect(yielded.map((r) => r.kind)).toEqual(['post']);
    expect(error.row).toBe(3);
    expect(error.message).toMatch(
      /^Row 3: The file is not valid UTF-8: byte 0xE9 at offset \d+ does not start a character\. It looks like Latin-1\/Windows-1252 text \("é"\)/,
    );
    expect(error.details).toMatchObject({ bytes: ['0xE9', '0x20', '0x61', '0x75'] });
  });

  it('decodes a Windows-1252 file when asked to', async () => {
    const bytes = Buffer.from(csv(tweet('2', 'Caf\xe9 \x80 5')), 'latin1');
    const [record] = await collect(run(bytes, { encoding: 'windows-1252' }));
    expect(record).toMatchObject({ kind: 'post', post: { text: 'Café € 5' } });
  });

  it.each([
    ['UTF-16LE with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16BE with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
    ['UTF-16LE without a byte-order mark', (t: string) => Buffer.from(t, 'utf16le')],
    ['UTF-8 with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ])('decodes %s into the same records as plain UTF-8', async (_, encode) => {
    const text = csv(tweet('1', '"naïve 🚀 ""quoted"""'), tweet('2'));
    const expected = await collect(run(text));
    // Odd chunk sizes cut UTF-16 code units and surrogate pairs in half.
    expect(await collect(run(chunked(encode(text), 5)))).toEqual(expected);
  });

  it('rejects a file cut in the middle of a character', async () => {
    const bytes = Buffer.from(csv(tweet('1', 'rocket 🚀')));
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('🚀')) + 2);
    const { error } = await failure(run(cut), 'IMPORT_ENCODING');
    expect(error.message).toContain('ends in the middle of a UTF-8 character');
  });

  it('refuses UTF-32', async () => {
    await failure(run(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), 'IMPORT_ENCODING');
  });

  it('throws IMPORT_MALFORMED for a truncated file, naming the row whose quote never closes', async () => {
    const text = csv(tweet('1'), tweet('2'), `3,https://twitter.com/a/status/3,"cut short`);
    const { error, yielded } = await failure(run(text), 'IMPORT_MALFORMED');
    expect(yielded.map((r) => r.row)).toEqual([2, 3]);
    expect(error.row).toBe(4);
    expect(error.message).toMatch(/^Row 4: A quoted field opened in this row is never closed/);
  });

  it('throws IMPORT_MALFORMED for text after a closing quote, or a bare quote inside a field', async () => {
    const closing = await failure(run(csv(tweet('1'), tweet('2', '"quoted"tail'))), 'IMPORT_MALFORMED');
    expect(closing.error.row).toBe(3);
    const bare = await failure(run(csv(tweet('1'), tweet('2'), tweet('3', 'say "hi"'))), 'IMPORT_MALFORMED');
    expect(bare.error.message).toMatch(/^Row 4: A quote appears inside a field that is not quoted/);
  });

  it('stops an unclosed quote from swallowing the file into memory', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => tweet(String(i + 10)));
    const text = csv(tweet('1', '"never closed'), ...rows);
    const { error } = await failure(run(text, { maxRecordBytes: 4096 }), 'IMPORT_MALFORMED');
    expect(error.message).toMatch(/^Row 2: The row runs past 4096 bytes/);
  });

  it('throws IMPORT_UNKNOWN_FORMAT naming the closest format and what it lacks', async () => {
    const { error } = await failure(run('Tweet id,Tweet text,impressions\n1,hi,5\n'), 'IMPORT_UNKNOWN_FORMAT');
    expect(error.message).toContain('Closest: X tweet activity export v1, which needs "time"');
    expect(error.details).toMatchObject({ closest: { format: 'x-tweet-activity', missing: ['time'] } });
  });

  it('throws IMPORT_UNKNOWN_FORMAT when a network is forced on another network’s export', async () => {
    const { error } = await failure(run(csv(tweet('1')), { format: 'facebook' }), 'IMPORT_UNKNOWN_FORMAT');
    expect(error.message).toContain('is not a facebook export');
  });

  it('gives up looking for the header after five rows', async () => {
    const text = ['a', 'b', 'c', 'd', 'e', HEADER, tweet('1')].join('\n');
    await failure(run(text), 'IMPORT_UNKNOWN_FORMAT');
  });
});

describe('options', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone "Mars/Olympus"'],
    ['a mapping without a network', { mapping: { target: 'posts', columns: { networkPostId: 'id', publishedAt: 'd' } } }, 'needs a network'],
    ['a mapping with unknown fields', { network: 'x', mapping: { target: 'followers', columns: { date: 'd', followers: 'f', likes: 'l' } } }, 'likes'],
    ['a mapping missing required fields', { network: 'x', mapping: { target: 'posts', columns: { text: 't' } } }, 'must map networkPostId, publishedAt'],
    ['a mapping of the wrong shape', { network: 'x', mapping: { target: 'tweets', columns: {} } }, '/target'],
    ['format mapping without a mapping', { format: 'mapping' }, 'needs a mapping'],
    ['an invalid capture time', { capturedAt: 'soon' }, 'capturedAt'],
    ['an unclosed bracket in a date pattern', { dateFormat: '[YYYY' }, 'unclosed ['],
  ])('throws IMPORT_INVALID_OPTIONS at once for %s', (_, options, words) => {
    let thrown: unknown;
    try {
      parseExport([], options as never);
    } catch (error) {
      thrown = error;
    }
    expect(isImportError(thrown) && thrown.code).toBe('IMPORT_INVALID_OPTIONS');
    expect((thrown as Error).message).toContain(words);
  });
});

describe('row-level problems', () => {
  it.each([
    ['a word for a count', tweet('2', 'x', undefined, 'many'), 'impressions', 'impressions', '"many" is not a number'],
    ['a negative count', tweet('2', 'x', undefined, '-5'), 'impressions', 'impressions', '"-5" is negative'],
    ['a fractional count', tweet('2', 'x', undefined, '12.5'), 'impressions', 'impressions', '"12.5" is not a whole number'],
    ['an impossible date', tweet('2', 'x', '2021-02-30 10:00 +0000'), 'publishedAt', 'time', '2021-02 has no day 30'],
    ['a date in another format', tweet('2', 'x', '30/01/2021'), 'publishedAt', 'time', 'not a date in the expected format "YYYY-MM-DD HH:mm Z"'],
    ['a date after the export was read', tweet('2', 'x', '2027-01-01 10:00 +0000'), 'publishedAt', 'time', 'is later than the export was read'],
    ['an id that is not a tweet id', tweet('abc123'), 'networkPostId', 'Tweet id', '"abc123" is not a x post id'],
    [
      'a link that is not a web address',
      '2,not a link,x,2025-01-31 22:13 +0000,100.0,5.0,1.0,0.0,2.0',
      'link',
      'Tweet permalink',
      '"not a link" is not a web address',
    ],
  ])('rejects %s, naming row and field, and goes on', async (_, line, field, column, words) => {
    const records = await collect(run(csv(tweet('1'), line, tweet('3'))));
    expect(records.map((r) => r.kind)).toEqual(['post', 'rejected', 'post']);
    expect(records[1]).toMatchObject({ row: 3, kind: 'rejected', field, column });
    expect(records[1]).toHaveProperty('reason', expect.stringContaining(`Column "${column}": `));
    expect(records[1]).toHaveProperty('reason', expect.stringContaining(words));
  });

  it('rejects a row with the wrong number of fields', async () => {
    const [, rejected] = await collect(run(csv(tweet('1'), '2,https://twitter.com/a/status/2,short')));
    expect(rejected).toMatchObject({ row: 3, kind: 'rejected', reason: expect.stringContaining('3 fields where the header has 9') });
  });

  it('accepts trailing empty fields that spreadsheet programs add', async () => {
    const [record] = await collect(run(csv(`${tweet('1')},,`)));
    expect(record?.kind).toBe('post');
  });

  it('explains a repeated header and another export’s header in the middle of a file', async () => {
    const records = await collect(run(csv(tweet('1'), HEADER, tweet('2'), 'Post ID,Page ID,Publish time,Reach,a,b,c,d,e', '9,8,03/27/2025 18:30,10,,,,,')));
    const rejected = ofKind(records, 'rejected');
    expect(rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, 'The header row appears again here: several files were joined together'],
      [5, 'This row is the header of a Meta Business Suite Facebook posts export: the rows below it belong to another export'],
      [6, 'Column "time": "10" is not a date in the expected format "YYYY-MM-DD HH:mm Z" or "ISO"'],
    ]);
  });

  it('reports a repeated post as a duplicate of its first row', async () => {
    const records = await collect(run(csv(tweet('1'), tweet('2'), tweet('1', 'again'))));
    expect(records[2]).toEqual({ row: 4, kind: 'duplicate', of: 2 });
  });

  it('skips blank lines but keeps counting rows as a spreadsheet does', async () => {
    const records = await collect(run(`${HEADER}\r\n\r\n${tweet('1')}\r\n,,,,,,,,\r\n${tweet('2')}\r\n`));
    expect(records.map((r) => [r.row, r.kind])).toEqual([
      [3, 'post'],
      [5, 'post'],
    ]);
  });

  it('leaves empty metric cells absent, not zero', async () => {
    const [record] = await collect(run(csv(tweet('1', 'x', undefined, '', ',,0,'))));
    expect(record?.kind === 'post' && record.metrics).toEqual({ capturedAt: '2026-01-01T00:00:00.000Z', comments: 0 });
  });

  it('omits the snapshot when a row has no metric values at all', async () => {
    const [record] = await collect(run(csv(tweet('1', 'x', undefined, '', ',,,'))));
    expect(record).toMatchObject({ kind: 'post' });
    expect(record).not.toHaveProperty('metrics');
  });

  it('yields nothing, without error, for a header with no rows', async () => {
    expect(await collect(run(`${HEADER}\n`))).toEqual([]);
  });
});

describe('streaming', () => {
  it('yields the first row before the source has been read to the end', async () => {
    let pulled = 0;
    async function* source() {
      yield Buffer.from(csv(tweet('1')));
      for (let i = 2; i < 1000; i++) {
        pulled++;
        yield Buffer.from(`${tweet(String(i))}\n`);
      }
    }
    const records = parseExport(source(), { capturedAt: CAPTURED_AT });
    const first = await records.next();
    expect(first.value).toMatchObject({ row: 2 });
    // Only the first 4 KB (some 45 rows here) are read ahead, to sniff the encoding; not the 1,000 rows.
    expect(pulled).toBeLessThan(60);
    await records.return(undefined);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        yield Buffer.from(csv(tweet('1'), tweet('2')));
        yield Buffer.from(`${tweet('3')}\n`);
      } finally {
        closed = true;
      }
    }
    for await (const record of parseExport(source(), { capturedAt: CAPTURED_AT })) {
      expect(record.row).toBe(2);
      break;
    }
    expect(closed).toBe(true);
  });
});

describe('text a database cannot store, and ambiguous headers', () => {
  it('refuses a header that names a column twice, naming it, before any row', async () => {
    const { error } = await failure(run(`${HEADER},Likes\n${tweet('1')},3\n`), 'IMPORT_DUPLICATE_COLUMNS');
    expect(error.message).toMatch(/"likes" more than once/);
    expect(error.details).toEqual({ duplicates: ['likes'] });
  });

  it('rejects a row whose cell holds a NUL byte (past the first bytes, which would make it binary), naming its column, and keeps the others', async () => {
    // Enough rows that the NUL comes after the 4 KiB the encoding sniffer reads.
    const rows = Array.from({ length: 80 }, (_, i) => tweet(String(1000 + i)));
    const records = await collect(run(chunked(csv(...rows, tweet('2000', 'nul \u0000 here'), tweet('2001')), 4096)));
    expect(ofKind(records, 'post')).toHaveLength(81);
    expect(ofKind(records, 'rejected')).toEqual([
      expect.objectContaining({
        row: 82,
        field: 'text',
        column: 'Tweet text',
        reason: expect.stringMatching(/Column "Tweet text": contains the NUL character/),
      }),
    ]);
  });

  it('rejects a date outside the years 1970-2099 with the range as the reason', async () => {
    const records = await collect(run(csv(tweet('3000', 'hi', '1969-12-31 22:13 +0000'))));
    expect(ofKind(records, 'rejected')).toEqual([expect.objectContaining({ row: 2, field: 'publishedAt', reason: expect.stringMatching(/out of range/) })]);
  });
});
