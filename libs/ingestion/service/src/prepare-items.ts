import { createEvent, type HeraldEvent } from '@herald/events';

import {
  FollowersItemSchema,
  MentionItemSchema,
  PostItemSchema,
  type FollowersItem,
  type MentionItem,
  type MetricsItem,
  type PostItem,
} from './api/batch.schema.ts';
import { canonicalSerializerOf, contentHashOf } from './content-hash.ts';

const postJson = canonicalSerializerOf(PostItemSchema);
const followersJson = canonicalSerializerOf(FollowersItemSchema);
const mentionJson = canonicalSerializerOf(MentionItemSchema);

/** What a batch route or an import sends; `metrics` readings are stored against their post. */
export type ItemKind = 'post' | 'metrics' | 'followers' | 'mention';

/** A valid item, ready to be stored: its identity, what tells its versions apart, and the event to publish. */
export interface PreparedItem {
  /** Position in the batch, or the CSV row of an import: rejections and outcomes refer to it. */
  index: number;
  kind: ItemKind;
  itemKey: string;
  /** Same key and hash: a duplicate. Readings have none: they are told apart by `observedAt`. */
  contentHash: string | null;
  /** capturedAt (epoch ms) of the metrics reading the item carries, if any. */
  observedAt: number | null;
  /** Builds the event for a new item (changed = false) or for a new version of one (changed = true). */
  toEvent(changed: boolean): HeraldEvent;
}

const postKey = (network: string, networkPostId: string) => `${network}:${networkPostId}`;

export function preparePost(workspaceId: string, index: number, item: PostItem): PreparedItem {
  const { metrics, ...post } = item;
  return {
    index,
    kind: 'post',
    itemKey: postKey(item.network, item.networkPostId),
    // When the counters were read is left out: a post whose text and counters are unchanged is a
    // duplicate, so uploading the same export again stores and publishes nothing.
    contentHash: contentHashOf(metrics ? { ...item, metrics: { ...metrics, capturedAt: undefined } } : item, postJson),
    observedAt: metrics ? Date.parse(metrics.capturedAt) : null,
    toEvent: (changed) =>
      createEvent({
        type: changed ? 'ingestion.post.updated' : 'ingestion.post.published',
        workspaceId,
        source: 'ingestion',
        payload: metrics ? { post, metrics } : { post },
      }),
  };
}

export function prepareMetrics(workspaceId: string, index: number, item: MetricsItem): PreparedItem {
  return {
    index,
    kind: 'metrics',
    itemKey: postKey(item.network, item.networkPostId),
    contentHash: null,
    observedAt: Date.parse(item.metrics.capturedAt),
    toEvent: () => createEvent({ type: 'ingestion.metrics.captured', workspaceId, source: 'ingestion', payload: item }),
  };
}

export function prepareFollowers(workspaceId: string, index: number, item: FollowersItem): PreparedItem {
  return {
    index,
    kind: 'followers',
    itemKey: `${item.network}:${item.profileId}:${item.date}`,
    contentHash: contentHashOf(item, followersJson),
    observedAt: null,
    toEvent: () => createEvent({ type: 'ingestion.followers.counted', workspaceId, source: 'ingestion', payload: { followers: item } }),
  };
}

export function prepareMention(workspaceId: string, index: number, mention: MentionItem): PreparedItem {
  return {
    index,
    kind: 'mention',
    itemKey: `${mention.network}:${mention.networkMentionId}`,
    contentHash: contentHashOf(mention, mentionJson),
    observedAt: null,
    toEvent: () => createEvent({ type: 'ingestion.mention.received', workspaceId, source: 'ingestion', payload: { mention } }),
  };
}
