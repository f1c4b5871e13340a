import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ImportJobView } from '../api/import.schema.ts';
import { createIngestionTestKit, KEY_A, KEY_B, multipartBody, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';
import { sharedXExport, xExport, xRow } from '../testing/x-export.ts';

const SAMPLE = sharedXExport('tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('CSV imports', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit({ uploadLimitBytes: 2 * 1024 * 1024 });
  });
  afterAll(() => kit?.close());

  const upload = (file: string | Buffer, fields: Record<string, string> = {}, headers: Record<string, string> = {}, apiKey = KEY_A) => {
    const form = multipartBody([...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'file', value: file, fileName: 'export.csv' }]);
    return kit.app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': apiKey, ...form.headers, ...headers }, payload: form.payload });
  };
  const job = async (id: string, apiKey = KEY_A) => kit.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers: { 'x-api-key': apiKey } });
  const finished = async (id: string): Promise<ImportJobView> => {
    for (;;) {
      const view = (await job(id)).json() as ImportJobView;
      if (view.state === 'succeeded' || view.state === 'failed') return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stored = () => kit.db.prisma.ingestedItem.count({ where: { workspaceId: 'a' } });

  describe.skipIf(!SAMPLE)('the real X sample', () => {
    it('imports all 37 tweets of the January 2017 export, publishing 103,068 impressions', async () => {
      const res = await upload(readFileSync(SAMPLE ?? ''));
      expect(res.statusCode).toBe(202);
      expect(res.headers.location).toBe(`/v1/imports/${res.json().id}`);
      const done = await finished(res.json().id);
      expect(done).toMatchObject({
        state: 'succeeded',
        format: 'x-tweet-activity v1',
        rowsRead: 37,
        accepted: 37,
        duplicates: 0,
        rejectedCount: 0,
        error: null,
      });
      expect(done.bytesRead).toBe(done.bytesTotal);
      await kit.relay.flush();
      const published = kit.events().filter((e) => e.type === 'ingestion.post.published');
      expect(published).toHaveLength(37);
      // The sum of the "impressions" column, as the sample's README states it.
      expect(published.reduce((sum, e) => sum + (e.type === 'ingestion.post.published' ? (e.payload.metrics?.impressions ?? 0) : 0), 0)).toBe(103_068);
    });

    it('counts every row of the same export uploaded again as a duplicate, publishing nothing', async () => {
      const before = kit.events().length;
      const done = await finished((await upload(readFileSync(SAMPLE ?? ''))).json().id);
      expect(done).toMatchObject({ state: 'succeeded', rowsRead: 37, accepted: 0, duplicates: 37 });
      await kit.relay.flush();
      expect(kit.events()).toHaveLength(before);
    });

    it('does not show a job to another workspace', async () => {
      const id = (await upload(readFileSync(SAMPLE ?? ''))).json().id;
      await finished(id);
      const res = await job(id, KEY_B);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    });
  });

  it('lists rejected rows by row number and field, and counts rows repeated in the file', async () => {
    const file = xExport([xRow(1), xRow(2, { impressions: '1.2K' }), xRow(1), xRow(3)]);
    const done = await finished((await upload(file)).json().id);
    expect(done).toMatchObject({ state: 'succeeded', rowsRead: 4, accepted: 2, duplicates: 1, rejectedCount: 1 });
    expect(done.rejected).toEqual([{ row: 3, field: 'impressions', reason: expect.stringMatching(/1\.2K/) }]);
  });

  it.each([
    ['an empty file', '', 'IMPORT_EMPTY'],
    ['a PNG image', PNG, 'IMPORT_NOT_CSV'],
    ['a CSV Herald does not recognise', 'name,age\nAda,36\n', 'IMPORT_UNKNOWN_FORMAT'],
    ['a file cut inside its first row', `${xExport([])}"1800000000000000001","https://twitter.com/x/status/1","Unclosed`, 'IMPORT_MALFORMED'],
    ['Latin-1 text', Buffer.from(xExport([xRow(1, { text: 'Caf\xe9 au lait' })]), 'latin1'), 'IMPORT_ENCODING'],
  ])('refuses %s before any row with a 422 naming the problem, creating no job', async (_, file, code) => {
    const jobs = await kit.db.prisma.importJob.count();
    const items = await stored();
    const res = await upload(file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(20);
    expect(await kit.db.prisma.importJob.count()).toBe(jobs);
    expect(await stored()).toBe(items);
  });

  it('names the row of an encoding problem', async () => {
    const res = await upload(Buffer.from(xExport([xRow(1, { text: 'Caf\xe9' })]), 'latin1'));
    expect(res.json().error).toMatchObject({ message: expect.stringMatching(/^Row 2: .*windows-1252/), details: { row: 2 } });
  });

  it('reads a Latin-1 file when told its encoding', async () => {
    const done = await finished((await upload(Buffer.from(xExport([xRow(4, { text: 'Caf\xe9' })]), 'latin1'), { encoding: 'windows-1252' })).json().id);
    expect(done).toMatchObject({ state: 'succeeded', accepted: 1 });
  });

  it.each([
    ['format', { format: 'myspace' }, /format must be one of auto, x, facebook/],
    ['mapping', { mapping: '{"target": ' }, /mapping is not valid JSON/],
    ['timeZone', { timeZone: 'Mars/Olympus' }, /timeZone "Mars\/Olympus" is not an IANA time zone/],
    ['mapping', { mapping: '{"target":"posts","network":"x","columns":{}}' }, /must map networkPostId/],
  ])('refuses a bad %s field with a 400 naming it', async (_, fields, message) => {
    const res = await upload(xExport([xRow(1)]), fields);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID_OPTIONS', message: expect.stringMatching(message) });
  });

  it('refuses a form without a file, and a body that is not a form', async () => {
    const form = multipartBody([{ name: 'format', value: 'x' }]);
    const noFile = await kit.app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': KEY_A, ...form.headers }, payload: form.payload });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: 'IMPORT_FORM_INVALID', details: { field: 'file' } });
    const json = await kit.app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': KEY_A }, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });

  it.each([
    ['inside the file', 0.6],
    ['inside a part header', 0.02],
  ])('answers 400 for an upload cut short %s, creating no job', async (_where, fraction) => {
    const form = multipartBody([
      { name: 'format', value: 'x' },
      { name: 'file', value: xExport([xRow(7001), xRow(7002)]), fileName: 'export.csv' },
    ]);
    const jobs = await kit.db.prisma.importJob.count();
    const cut = form.payload.subarray(0, Math.floor(form.payload.length * fraction));
    const res = await kit.app.inject({ method: 'POST', url: '/v1/imports', headers: { 'x-api-key': KEY_A, ...form.headers }, payload: cut });
    expect(res.statusCode).toBe(400);
    // Cut in a part header, the form simply has no file part.
    expect(['UPLOAD_INCOMPLETE', 'IMPORT_FORM_INVALID']).toContain(res.json().error.code);
    expect(await kit.db.prisma.importJob.count()).toBe(jobs);
  });

  it('refuses a file whose header names a column twice, naming it', async () => {
    const res = await upload(xExport([xRow(7003)]).replace('"impressions","engagements"', '"impressions","impressions"'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_DUPLICATE_COLUMNS', message: expect.stringContaining('"impressions"') });
  });

  it('rejects a row with a NUL byte in a cell, naming the row and the column, and imports the others', async () => {
    // Past the first 256 KiB read: a NUL at the start of a file makes it binary, refused whole.
    const rows = Array.from({ length: 1000 }, (_, i) => xRow(8000 + i));
    const res = await upload(xExport([...rows, xRow(7004, { text: 'nul \u0000 inside' })]));
    expect(res.statusCode, res.body).toBe(202);
    const done = await finished(res.json().id);
    expect(done).toMatchObject({ state: 'succeeded', rowsRead: 1001, accepted: 1000, rejectedCount: 1 });
    expect(done.rejected).toEqual([{ row: 1002, field: 'text', reason: expect.stringMatching(/Column "Tweet text": contains the NUL character/) }]);
  });

  it('rejects a row whose link is not http(s)', async () => {
    const mapping = JSON.stringify({ target: 'posts', network: 'x', columns: { networkPostId: 'id', publishedAt: 'at', text: 'text', link: 'url' } });
    const done = await finished(
      (await upload('id,at,text,url\n7007,2026-01-01T00:00:00Z,hi,javascript:alert(1)\n7008,2026-01-01T00:00:00Z,hi,https://x.com/p\n', { mapping })).json().id,
    );
    expect(done).toMatchObject({ state: 'succeeded', rowsRead: 2, accepted: 1, rejectedCount: 1 });
    expect(done.rejected).toEqual([{ row: 2, field: 'link', reason: expect.stringMatching(/Column "url": .* not a web address/) }]);
  });

  it('answers 413 naming the limit for a file over the upload limit', async () => {
    const res = await upload(Buffer.alloc(3 * 1024 * 1024, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('2 MB limit') });
  });

  it('keeps the chunks stored before a broken row, says so, and finishes on a corrected upload', async () => {
    const good = Array.from({ length: 2500 }, (_, i) => xRow(1000 + i));
    const broken = `${xExport(good)}"1800000000000000999","https://twitter.com/x/status/999","Unclosed quote\n`;
    const failed = await finished((await upload(broken)).json().id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'IMPORT_MALFORMED' }, accepted: 2000, rowsRead: 2500 });
    expect(failed.error?.message).toMatch(/Row 2502: .*Rows stored before that point are kept/);

    const fixed = await finished((await upload(xExport(good))).json().id);
    expect(fixed).toMatchObject({ state: 'succeeded', rowsRead: 2500, accepted: 500, duplicates: 2000 });
    await kit.relay.flush();
    const ids = kit.events().flatMap((e) => (e.type === 'ingestion.post.published' ? [e.payload.post.networkPostId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers a repeated upload with the same Idempotency-Key with the first job', async () => {
    const file = xExport([xRow(5000)]);
    const first = await upload(file, {}, { 'idempotency-key': 'upload-1' });
    const again = await upload(file, {}, { 'idempotency-key': 'upload-1' });
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await upload(xExport([xRow(5001)]), {}, { 'idempotency-key': 'upload-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('rejects metrics rows for posts the workspace never sent', async () => {
    const mapping = JSON.stringify({ target: 'metrics', network: 'x', columns: { networkPostId: 'id', capturedAt: 'at', impressions: 'views' } });
    // Newer than the snapshot the post got when its export was imported (at upload time).
    const at = new Date(Date.now() + 60_000).toISOString();
    const file = `id,at,views\n${String(1_800_000_000_000_000_000n + 1000n)},${at},5\n404,${at},7\n`;
    const done = await finished((await upload(file, { mapping })).json().id);
    expect(done).toMatchObject({ state: 'succeeded', rowsRead: 2, accepted: 1, rejectedCount: 1 });
    expect(done.rejected).toEqual([{ row: 3, field: 'networkPostId', reason: expect.stringContaining('no post x:404') }]);
  });

  it('answers 404 for an unknown job and 400 for an id that is no UUID', async () => {
    expect((await job('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await job('nope')).statusCode).toBe(400);
  });
});
