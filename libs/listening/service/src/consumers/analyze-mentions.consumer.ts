import type { DeliveredEvent, EventBus, SubscriptionHandle } from '@herald/event-bus';
import { createEvent, deriveEventId, TOPICS, type EventOf, type HeraldEvent } from '@herald/events';
import { createDeadLetterStore, isTransientDatabaseError, type ListeningDb } from '@herald/listening-data-access';
import { classifyIntent } from '@herald/listening-intents';
import { analyzeSentiment } from '@herald/listening-sentiment';
import { compileBrandMatcher, type BrandMatcher } from '@herald/listening-signals';
import { mentionKeywords } from '@herald/listening-topics';
import type { Logger } from '@herald/service-kit';

import { raiseSpikeAlerts, type AlertOptions } from '../alerts/raise-alerts.ts';
import { LISTENING_SOURCE } from '../listening-source.ts';
import { storeAnalyses } from './store-analyses.ts';

export const LISTENING_CONSUMER = 'listening';

type MentionReceived = EventOf<'ingestion.mention.received'>;

/** A mention that cannot be analysed: sending it again cannot help, so the bus dead-letters it at once. */
export class MentionAnalysisError extends Error {
  readonly code = 'LISTENING_ANALYSIS_FAILED';
  readonly retriable = false;
  constructor(eventId: string, cause: unknown) {
    super(`mention of event ${eventId} could not be analysed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'MentionAnalysisError';
  }
}

/**
 * Analyses a received mention: sentiment, intent and keywords. Pure: the same event always yields
 * the same analysis event. Any text is accepted: empty, emoji or links only, 100 KB, mixed scripts
 * or U+FFFD are scored (or marked unscored) within bounded time.
 */
export function analyzeMention(event: MentionReceived): EventOf<'listening.mention.analyzed'> {
  const { mention } = event.payload;
  const sentiment = analyzeSentiment(mention.text, mention.language ? { language: mention.language } : {});
  const intent = classifyIntent(mention.text, { sentiment: sentiment.scored ? sentiment.label : null });
  return createEvent({
    type: 'listening.mention.analyzed',
    // Derived from the source event, so a redelivery republishes the same id and analytics drops it.
    id: deriveEventId(LISTENING_CONSUMER, event.id),
    workspaceId: event.workspaceId,
    source: LISTENING_SOURCE,
    causationId: event.id,
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    occurredAt: event.occurredAt,
    payload: {
      mention,
      sentiment: { score: sentiment.score, label: sentiment.label, scored: sentiment.scored, drivers: sentiment.drivers.slice(0, 50) },
      language: sentiment.language,
      intent: intent.intent,
      intentConfidence: intent.confidence,
      topics: mentionKeywords(mention.text, sentiment.language),
    },
  });
}

export interface AnalyzeMentionsDeps {
  bus: EventBus;
  db: ListeningDb;
  logger: Logger;
  onFatal?: (error: Error) => void;
  /** Spike detection settings (default: hourly buckets against the trailing 24). */
  alerts?: AlertOptions;
}

async function brandMatchersOf(db: ListeningDb, workspaceIds: string[]): Promise<Map<string, BrandMatcher>> {
  const brands = await db.prisma.brand.findMany({ where: { workspaceId: { in: workspaceIds } }, orderBy: { name: 'asc' } });
  return new Map(workspaceIds.map((ws) => [ws, compileBrandMatcher(brands.filter((b) => b.workspaceId === ws))]));
}

/**
 * The consumer's handler: analyses every received mention (sentiment, intent, keywords, brands
 * named), keeps the analysis, publishes it for analytics, then raises alerts for the spikes the
 * new mentions make. The consumer and a dead-letter replay both run it; the analysis ids derive
 * from the source event, so running it twice publishes the same events again.
 */
export function createAnalyzeMentionsHandler(deps: Omit<AnalyzeMentionsDeps, 'onFatal'>): (delivered: readonly DeliveredEvent[]) => Promise<void> {
  return async (delivered) => {
    const received = delivered.map((d) => d.event).filter((e: HeraldEvent): e is MentionReceived => e.type === 'ingestion.mention.received');
    if (received.length === 0) return;
    const analyzed = received.map((event) => {
      try {
        return analyzeMention(event);
      } catch (error) {
        throw new MentionAnalysisError(event.id, error);
      }
    });
    const matchers = await brandMatchersOf(deps.db, [...new Set(analyzed.map((a) => a.workspaceId))]);
    await storeAnalyses(
      deps.db,
      analyzed.map((event) => ({ event, brandIds: matchers.get(event.workspaceId)?.match(event.payload.mention.text) ?? [] })),
    );
    // Published before the offset commit: a crash here means redelivery and the same ids again.
    await deps.bus.publish(analyzed);

    const touched = new Map<string, Date[]>();
    for (const a of analyzed) {
      const times = touched.get(a.workspaceId) ?? [];
      times.push(new Date(a.payload.mention.occurredAt));
      touched.set(a.workspaceId, times);
    }
    await raiseSpikeAlerts({ db: deps.db, bus: deps.bus, logger: deps.logger, ...(deps.alerts ? { options: deps.alerts } : {}) }, touched);
  };
}

/** Analyses every received mention; see createAnalyzeMentionsHandler. */
export function startAnalyzeMentionsConsumer(deps: AnalyzeMentionsDeps): Promise<SubscriptionHandle> {
  const deadLetters = createDeadLetterStore(deps.db);
  return deps.bus.subscribe({
    groupId: LISTENING_CONSUMER,
    topics: [TOPICS.mentions],
    maxBatchSize: 500,
    // A database (or broker) outage is waited out; only mentions that fail on their own are dead-lettered.
    isTransient: isTransientDatabaseError,
    recordDeadLetters: (letters) => deadLetters.record(letters.map(({ groupId, value, ...rest }) => ({ ...rest, consumer: groupId, rawValue: value }))),
    ...(deps.onFatal ? { onFatal: deps.onFatal } : {}),
    handle: createAnalyzeMentionsHandler(deps),
  });
}
