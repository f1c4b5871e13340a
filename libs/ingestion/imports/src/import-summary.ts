import type { ImportRecord, RejectedRecord } from './import-record.ts';

export interface ImportSummary {
  /** The last row read (the header is row 1). */
  lastRow: number;
  posts: number;
  /** Snapshots yielded, whether attached to a post or alone. */
  metricSnapshots: number;
  followerCounts: number;
  mentions: number;
  rejected: number;
  duplicates: number;
  /** The first rejections, in row order, for display; `rejected` has the full count. */
  rejections: RejectedRecord[];
  /** Rejections per product field (`row` when no single field is at fault). */
  rejectedByField: Record<string, number>;
}

/** Counts records as they stream past, keeping only the first rejections so memory stays flat. */
export class ImportTally {
  private readonly s: ImportSummary = {
    lastRow: 0,
    posts: 0,
    metricSnapshots: 0,
    followerCounts: 0,
    mentions: 0,
    rejected: 0,
    duplicates: 0,
    rejections: [],
    rejectedByField: {},
  };

  constructor(private readonly keepRejections = 100) {}

  add(record: ImportRecord): void {
    const s = this.s;
    if (record.row > s.lastRow) s.lastRow = record.row;
    switch (record.kind) {
      case 'post':
        s.posts++;
        if (record.metrics) s.metricSnapshots++;
        break;
      case 'metrics':
        s.metricSnapshots++;
        break;
      case 'followers':
        s.followerCounts++;
        break;
      case 'mention':
        s.mentions++;
        break;
      case 'duplicate':
        s.duplicates++;
        break;
      case 'rejected': {
        s.rejected++;
        const field = record.field ?? 'row';
        s.rejectedByField[field] = (s.rejectedByField[field] ?? 0) + 1;
        if (s.rejections.length < this.keepRejections) s.rejections.push(record);
        break;
      }
    }
  }

  get summary(): ImportSummary {
    return { ...this.s, rejections: [...this.s.rejections], rejectedByField: { ...this.s.rejectedByField } };
  }
}

/** Drains an import, handing each record to `onRecord` (awaited, so a slow sink applies back-pressure), and tallies it. */
export async function summarizeImport(
  records: AsyncIterable<ImportRecord>,
  options: { onRecord?: (record: ImportRecord) => void | Promise<void>; keepRejections?: number } = {},
): Promise<ImportSummary> {
  const tally = new ImportTally(options.keepRejections);
  for await (const record of records) {
    tally.add(record);
    if (options.onRecord) await options.onRecord(record);
  }
  return tally.summary;
}
