import { describe, expect, it } from 'vitest';

import type { ImportRecord } from './import-record.ts';
import { ImportTally, summarizeImport } from './import-summary.ts';

const post = (row: number, withMetrics: boolean): ImportRecord => ({
  row,
  kind: 'post',
  post: { network: 'x', networkPostId: String(row), publishedAt: '2025-01-01T00:00:00+00:00', text: '', contentType: 'text', tags: [] },
  ...(withMetrics ? { metrics: { capturedAt: '2025-01-02T00:00:00Z', likes: 1 } } : {}),
});

describe('import summary', () => {
  it('counts each kind and keeps the first rejections only', async () => {
    async function* records(): AsyncGenerator<ImportRecord> {
      yield post(2, true);
      yield post(3, false);
      yield { row: 4, kind: 'duplicate', of: 2 };
      for (let row = 5; row < 10; row++) yield { row, kind: 'rejected', reason: 'bad', field: row % 2 ? 'likes' : undefined };
    }
    const seen: number[] = [];
    const summary = await summarizeImport(records(), { keepRejections: 2, onRecord: (r) => void seen.push(r.row) });
    expect(summary).toMatchObject({ lastRow: 9, posts: 2, metricSnapshots: 1, duplicates: 1, rejected: 5, rejectedByField: { likes: 3, row: 2 } });
    expect(summary.rejections.map((r) => r.row)).toEqual([5, 6]);
    expect(seen).toHaveLength(8);
  });

  it('hands out copies, so later records do not change a summary already taken', () => {
    const tally = new ImportTally();
    tally.add({ row: 2, kind: 'rejected', reason: 'bad' });
    const before = tally.summary;
    tally.add({ row: 3, kind: 'rejected', reason: 'bad' });
    expect(before.rejections).toHaveLength(1);
    expect(tally.summary.rejections).toHaveLength(2);
  });
});
