import { randomUUID } from 'node:crypto';

import type { EventOf } from '@herald/events';
import { Prisma, type ListeningDb } from '@herald/listening-data-access';

export interface AnalysisToStore {
  event: EventOf<'listening.mention.analyzed'>;
  brandIds: readonly string[];
}

/** PostgreSQL text cannot hold U+0000; it is stored as U+FFFD, as other undecodable input is. */
const storable = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text);

/**
 * Upserts a batch of analyses in one statement (one round trip, atomic): a mention analysed again,
 * on a redelivery or a corrected source event, replaces its analysis. Within the batch the last
 * analysis of a mention wins, since one statement may not update the same row twice.
 */
export async function storeAnalyses(db: ListeningDb, analyses: readonly AnalysisToStore[]): Promise<void> {
  const latest = new Map<string, AnalysisToStore>();
  for (const a of analyses) {
    const { mention } = a.event.payload;
    latest.set(JSON.stringify([a.event.workspaceId, mention.network, mention.networkMentionId]), a);
  }
  if (latest.size === 0) return;
  const rows = [...latest.values()].map(({ event, brandIds }) => {
    const { mention, sentiment, language, intent, intentConfidence, topics } = event.payload;
    return {
      id: randomUUID(),
      workspace_id: event.workspaceId,
      network: mention.network,
      network_mention_id: mention.networkMentionId,
      source_event_id: event.causationId ?? event.id,
      score: sentiment.score,
      label: sentiment.label,
      scored: sentiment.scored,
      language,
      drivers: sentiment.drivers.map(storable),
      intent: intent ?? null,
      intent_confidence: intentConfidence ?? null,
      topics: topics.map(storable),
      brand_ids: brandIds,
      text: storable(mention.text),
      occurred_at: mention.occurredAt,
    };
  });
  const table = Prisma.raw(`"${db.schema}"."mention_analyses"`);
  await db.prisma.$executeRaw`
    INSERT INTO ${table} (id, workspace_id, network, network_mention_id, source_event_id, score, label, scored, language, drivers,
                          intent, intent_confidence, topics, brand_ids, text, occurred_at, analyzed_at)
    SELECT r.id, r.workspace_id, r.network, r.network_mention_id, r.source_event_id, r.score, r.label, r.scored, r.language, r.drivers,
           r.intent, r.intent_confidence, r.topics, r.brand_ids, r.text, r.occurred_at, clock_timestamp()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      id uuid, workspace_id text, network text, network_mention_id text, source_event_id uuid, score double precision, label text,
      scored boolean, language text, drivers text[], intent text, intent_confidence double precision, topics text[], brand_ids text[],
      text text, occurred_at timestamptz)
    ON CONFLICT (workspace_id, network, network_mention_id) DO UPDATE SET
      source_event_id = EXCLUDED.source_event_id, score = EXCLUDED.score, label = EXCLUDED.label, scored = EXCLUDED.scored,
      language = EXCLUDED.language, drivers = EXCLUDED.drivers, intent = EXCLUDED.intent, intent_confidence = EXCLUDED.intent_confidence,
      topics = EXCLUDED.topics, brand_ids = EXCLUDED.brand_ids, text = EXCLUDED.text, occurred_at = EXCLUDED.occurred_at,
      analyzed_at = EXCLUDED.analyzed_at`;
}
