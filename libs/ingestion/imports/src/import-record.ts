import type { FollowerCount, Mention, MetricsSnapshot, Network, Post } from '@herald/events';

/** A post row: the post itself and, when the export carries counters, a snapshot of them. */
export interface PostRecord {
  row: number;
  kind: 'post';
  post: Post;
  metrics?: MetricsSnapshot;
}

/** Counters for a post known by its id only (metrics-only files). */
export interface MetricsRecord {
  row: number;
  kind: 'metrics';
  networkPostId: string;
  network: Network;
  metrics: MetricsSnapshot;
}

export interface FollowersRecord {
  row: number;
  kind: 'followers';
  item: FollowerCount;
}

export interface MentionRecord {
  row: number;
  kind: 'mention';
  mention: Mention;
}

/** A row that could not be imported; parsing goes on with the next one. */
export interface RejectedRecord {
  row: number;
  kind: 'rejected';
  reason: string;
  /** The product field at fault (e.g. `impressions`, `publishedAt`), when one is. */
  field?: string;
  /** The CSV column the value came from, as the header spells it. */
  column?: string;
}

/** A row describing the same item as an earlier row; the earlier one wins. */
export interface DuplicateRecord {
  row: number;
  kind: 'duplicate';
  of: number;
}

export type ImportRecord = PostRecord | MetricsRecord | FollowersRecord | MentionRecord | RejectedRecord | DuplicateRecord;
export type ImportRecordKind = ImportRecord['kind'];
