import { createHash } from 'node:crypto';

import { createEvent, EVENT_CATALOG, partitionKeyOf, type HeraldEvent } from '@herald/events';
import type { IngestionDb } from '@herald/ingestion-data-access';

import type { MentionItem, PostItem } from './api/batch.schema.ts';

export type ItemKind = 'post' | 'mention';

/** A valid item, ready to be stored: its identity, its content hash, and the event to publish. */
export interface PreparedItem {
  index: number;
  itemKey: string;
  contentHash: string;
  /** Builds the event for a new item (changed = false) or for a new version of one (changed = true). */
  toEvent(changed: boolean): HeraldEvent;
}

export const contentHashOf = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');

/** JSON with sorted keys, so the same item always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface IngestOutcome {
  accepted: number[];
  duplicates: number[];
}

/**
 * Stores new and changed items and their events in one transaction (the outbox): an item is
 * either stored with its event or not at all. Identical items, already stored or earlier in the
 * same batch, are duplicates and publish nothing.
 */
export async function ingestItems(db: IngestionDb, workspaceId: string, kind: ItemKind, items: readonly PreparedItem[]): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { accepted: [], duplicates: [] };
  if (items.length === 0) return outcome;
  await db.prisma.$transaction(
    async (tx) => {
      const keys = [...new Set(items.map((i) => i.itemKey))];
      const known = new Map<string, string>();
      for (let start = 0; start < keys.length; start += 5000) {
        const rows = await tx.ingestedItem.findMany({
          where: { workspaceId, kind, itemKey: { in: keys.slice(start, start + 5000) } },
          select: { itemKey: true, contentHash: true },
        });
        for (const row of rows) known.set(row.itemKey, row.contentHash);
      }
      const now = new Date();
      // What each key holds after this batch, and whether it is new to the store.
      const state = new Map<string, { contentHash: string; isNew: boolean; touched: boolean }>();
      for (const [itemKey, contentHash] of known) state.set(itemKey, { contentHash, isNew: false, touched: false });
      const outbox: { id: string; topic: string; key: string; payload: object; createdAt: Date }[] = [];
      for (const item of items) {
        const previous = state.get(item.itemKey);
        if (previous?.contentHash === item.contentHash) {
          outcome.duplicates.push(item.index);
          continue;
        }
        state.set(item.itemKey, { contentHash: item.contentHash, isNew: previous ? previous.isNew : true, touched: true });
        const event = item.toEvent(previous !== undefined);
        outbox.push({ id: event.id, topic: EVENT_CATALOG[event.type].topic, key: partitionKeyOf(event), payload: event, createdAt: now });
        outcome.accepted.push(item.index);
      }
      const touched = [...state].filter(([, s]) => s.touched);
      const created = touched.filter(([, s]) => s.isNew);
      if (created.length) {
        await tx.ingestedItem.createMany({
          data: created.map(([itemKey, s]) => ({ workspaceId, kind, itemKey, contentHash: s.contentHash, firstSeenAt: now, lastSeenAt: now })),
        });
      }
      for (const [itemKey, s] of touched.filter(([, s]) => !s.isNew)) {
        await tx.ingestedItem.update({
          where: { workspaceId_kind_itemKey: { workspaceId, kind, itemKey } },
          data: { contentHash: s.contentHash, lastSeenAt: now },
        });
      }
      if (outbox.length) await tx.outboxEvent.createMany({ data: outbox });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return outcome;
}

export function preparePost(workspaceId: string, index: number, item: PostItem): PreparedItem {
  const { metrics, ...post } = item;
  return {
    index,
    itemKey: `${item.network}:${item.networkPostId}`,
    contentHash: contentHashOf(item),
    toEvent: (changed) =>
      createEvent({
        type: changed ? 'ingestion.post.updated' : 'ingestion.post.published',
        workspaceId,
        source: 'ingestion',
        payload: metrics ? { post, metrics } : { post },
      }),
  };
}

export function prepareMention(workspaceId: string, index: number, mention: MentionItem): PreparedItem {
  return {
    index,
    itemKey: `${mention.network}:${mention.networkMentionId}`,
    contentHash: contentHashOf(mention),
    toEvent: () => createEvent({ type: 'ingestion.mention.received', workspaceId, source: 'ingestion', payload: { mention } }),
  };
}
