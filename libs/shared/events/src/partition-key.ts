import type { HeraldEvent } from './catalog.ts';

/** Events about the same entity share a key, so Kafka keeps their order within one partition. */
export function partitionKeyOf(event: HeraldEvent): string {
  switch (event.type) {
    case 'ingestion.post.published':
    case 'ingestion.post.updated':
      return `${event.workspaceId}:${event.payload.post.network}:${event.payload.post.networkPostId}`;
    case 'ingestion.metrics.captured':
      // Same key as the post, so a post and its readings stay in order.
      return `${event.workspaceId}:${event.payload.network}:${event.payload.networkPostId}`;
    case 'ingestion.followers.counted':
      return `${event.workspaceId}:${event.payload.followers.network}:${event.payload.followers.profileId}`;
    case 'ingestion.mention.received':
    case 'listening.mention.analyzed':
      return `${event.workspaceId}:${event.payload.mention.network}:${event.payload.mention.networkMentionId}`;
    case 'listening.alert.raised':
      // One workspace's alerts in order, in one partition.
      return `${event.workspaceId}:alerts`;
  }
}
