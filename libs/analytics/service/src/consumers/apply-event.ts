import type { AnalyticsTransaction } from '@herald/analytics-data-access';
import type { HeraldEvent } from '@herald/events';

export const ANALYTICS_CONSUMER = 'analytics';

/**
 * Applies one event to the reporting store inside the caller's transaction. The processed-event
 * row is written in the same transaction as the effect, so a redelivered event changes nothing.
 */
export async function applyEvent(tx: AnalyticsTransaction, event: HeraldEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  const claimed = await tx.processedEvent.createMany({
    data: [{ eventId: event.id, consumer: ANALYTICS_CONSUMER }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return 'duplicate';

  switch (event.type) {
    case 'ingestion.post.published':
    case 'ingestion.post.updated': {
      const { post, metrics } = event.payload;
      const fields = {
        profileId: post.profileId ?? null,
        publishedAt: new Date(post.publishedAt),
        sourceTimeZone: post.sourceTimeZone ?? null,
        text: post.text,
        link: post.link ?? null,
        contentType: post.contentType,
        tags: post.tags,
        campaign: post.campaign ?? null,
      };
      const stored = await tx.post.upsert({
        where: { workspaceId_network_networkPostId: { workspaceId: event.workspaceId, network: post.network, networkPostId: post.networkPostId } },
        create: { workspaceId: event.workspaceId, network: post.network, networkPostId: post.networkPostId, ...fields },
        update: fields,
        select: { id: true },
      });
      if (metrics) {
        const { capturedAt, ...counters } = metrics;
        // History is kept: a snapshot is never overwritten, and the newest one gives the totals.
        await tx.metricSnapshot.createMany({
          data: [{ postId: stored.id, capturedAt: new Date(capturedAt), ...counters }],
          skipDuplicates: true,
        });
      }
      return 'applied';
    }
    case 'listening.mention.analyzed': {
      const { mention, sentiment, language, intent, topics } = event.payload;
      const fields = {
        kind: mention.kind,
        author: mention.author ?? null,
        text: mention.text,
        language,
        occurredAt: new Date(mention.occurredAt),
        inReplyToPostId: mention.inReplyToPostId ?? null,
        repliedAt: mention.repliedAt ? new Date(mention.repliedAt) : null,
        sentimentScore: sentiment.score,
        sentimentLabel: sentiment.label,
        scored: sentiment.scored,
        drivers: sentiment.drivers,
        intent: intent ?? null,
        topics,
        analyzedAt: new Date(event.occurredAt),
      };
      await tx.mention.upsert({
        where: {
          workspaceId_network_networkMentionId: { workspaceId: event.workspaceId, network: mention.network, networkMentionId: mention.networkMentionId },
        },
        create: { workspaceId: event.workspaceId, network: mention.network, networkMentionId: mention.networkMentionId, ...fields },
        update: fields,
      });
      return 'applied';
    }
    case 'ingestion.metrics.captured': {
      const { network, networkPostId, metrics } = event.payload;
      const post = await tx.post.findUnique({
        where: { workspaceId_network_networkPostId: { workspaceId: event.workspaceId, network, networkPostId } },
        select: { id: true },
      });
      // Ingestion accepts readings only for posts it knows, and the post's events share its
      // partition, so the post is stored first; if not, the event is dead-lettered, not guessed.
      if (!post) throw new UnknownPostError(`${network}:${networkPostId}`);
      const { capturedAt, ...counters } = metrics;
      await tx.metricSnapshot.createMany({ data: [{ postId: post.id, capturedAt: new Date(capturedAt), ...counters }], skipDuplicates: true });
      return 'applied';
    }
    case 'ingestion.followers.counted': {
      const { network, profileId, date, followers } = event.payload.followers;
      const day = new Date(`${date}T00:00:00.000Z`);
      await tx.followerCount.upsert({
        where: { workspaceId_network_profileId_date: { workspaceId: event.workspaceId, network, profileId, date: day } },
        create: { workspaceId: event.workspaceId, network, profileId, date: day, followers },
        update: { followers },
      });
      return 'applied';
    }
    case 'ingestion.mention.received':
      // Raw mentions reach analytics once listening has scored them.
      return 'ignored';
    default:
      // Event types analytics does not report on (yet) pass through untouched.
      return 'ignored';
  }
}

export class UnknownPostError extends Error {
  readonly code = 'ANALYTICS_UNKNOWN_POST';
  readonly retriable = false;
  constructor(key: string) {
    super(`metrics for unknown post ${key}`);
    this.name = 'UnknownPostError';
  }
}
