import type { EventBus, SubscriptionHandle } from '@herald/event-bus';
import { createEvent, deriveEventId, TOPICS, type EventOf, type HeraldEvent } from '@herald/events';
import type { ListeningDb } from '@herald/listening-data-access';
import { analyzeSentiment } from '@herald/listening-sentiment';
import type { Logger } from '@herald/service-kit';

export const LISTENING_CONSUMER = 'listening';

type MentionReceived = EventOf<'ingestion.mention.received'>;

/** Scores a received mention. Pure: the same event always yields the same analysis event. */
export function analyzeMention(event: MentionReceived): EventOf<'listening.mention.analyzed'> {
  const { mention } = event.payload;
  const sentiment = analyzeSentiment(mention.text, mention.language ? { language: mention.language } : {});
  return createEvent({
    type: 'listening.mention.analyzed',
    // Derived from the source event, so a redelivery republishes the same id and analytics drops it.
    id: deriveEventId(LISTENING_CONSUMER, event.id),
    workspaceId: event.workspaceId,
    source: 'listening',
    causationId: event.id,
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    occurredAt: event.occurredAt,
    payload: {
      mention,
      sentiment: { score: sentiment.score, label: sentiment.label, scored: sentiment.scored, drivers: sentiment.drivers.slice(0, 50) },
      language: sentiment.language,
      topics: [],
    },
  });
}

/** Analyzes every received mention, keeps the analysis, and publishes it for analytics and alerts. */
export function startAnalyzeMentionsConsumer(deps: { bus: EventBus; db: ListeningDb; logger: Logger; onFatal?: (error: Error) => void }): Promise<SubscriptionHandle> {
  return deps.bus.subscribe({
    groupId: LISTENING_CONSUMER,
    topics: [TOPICS.mentions],
    maxBatchSize: 500,
    ...(deps.onFatal ? { onFatal: deps.onFatal } : {}),
    handle: async (delivered) => {
      const analyzed = delivered
        .map((d) => d.event)
        .filter((e: HeraldEvent): e is MentionReceived => e.type === 'ingestion.mention.received')
        .map(analyzeMention);
      if (analyzed.length === 0) return;
      await deps.db.prisma.$transaction(
        analyzed.map((a) => {
          const { mention, sentiment, language } = a.payload;
          const fields = {
            sourceEventId: a.causationId ?? a.id,
            score: sentiment.score,
            label: sentiment.label,
            scored: sentiment.scored,
            language,
            drivers: sentiment.drivers,
            topics: a.payload.topics,
            text: mention.text,
            occurredAt: new Date(mention.occurredAt),
            analyzedAt: new Date(),
          };
          return deps.db.prisma.mentionAnalysis.upsert({
            where: { workspaceId_network_networkMentionId: { workspaceId: a.workspaceId, network: mention.network, networkMentionId: mention.networkMentionId } },
            create: { workspaceId: a.workspaceId, network: mention.network, networkMentionId: mention.networkMentionId, ...fields },
            update: fields,
          });
        }),
      );
      // Published before the offset commit: a crash here means redelivery and the same ids again.
      await deps.bus.publish(analyzed);
    },
  });
}
