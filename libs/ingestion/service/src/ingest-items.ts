import { EVENT_CATALOG, InvalidEventError, parseEvent, partitionKeyOf, type HeraldEvent } from '@herald/events';
import type { IngestionDb, IngestionTransaction } from '@herald/ingestion-data-access';

import type { Rejection } from './api/batch.schema.ts';
import type { ItemKind, PreparedItem } from './prepare-items.ts';
import { findStoredItems, insertItems, insertOutboxEvents, updateItems, type OutboxRow } from './store/ingested-items.repository.ts';
import { noteItemsInserted } from './store/table-statistics.ts';

export interface IngestOutcome {
  accepted: number[];
  duplicates: number[];
  /** Valid items the store refuses: metrics for a post the workspace never sent. */
  rejected: Rejection[];
  /** The events stored in the outbox, in order; hand them to the relay once the transaction committed. */
  events: HeraldEvent[];
}

export interface IngestOptions {
  /** Runs inside the transaction once the outcome is known, so its writes commit with the items (or not at all). */
  afterWrite?(tx: IngestionTransaction, outcome: IngestOutcome): Promise<void>;
  /** Told about failures of the statistics refresh, which never fail the ingestion itself. */
  onBackgroundError?(error: unknown): void;
}

/** Which stored row an item is about: metrics readings belong to their post's row. */
const storedKindOf = (kind: ItemKind): Exclude<ItemKind, 'metrics'> => (kind === 'metrics' ? 'post' : kind);

interface RowState {
  kind: string;
  itemKey: string;
  contentHash: string;
  observedAt: number | null;
  isNew: boolean;
  touched: boolean;
}

/**
 * Stores new and changed items and their events in one transaction (the outbox): an item is
 * either stored with its event or not at all. Identical items, already stored or earlier in the
 * same batch, are duplicates and publish nothing. A metrics reading counts only for a post the
 * workspace sent and only when it is newer than the newest reading stored for that post; the
 * readings of one call are taken oldest first, so a batch of history keeps all of it.
 */
export async function ingestItems(db: IngestionDb, workspaceId: string, items: readonly PreparedItem[], options: IngestOptions = {}): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { accepted: [], duplicates: [], rejected: [], events: [] };
  if (items.length === 0 && !options.afterWrite) return outcome;
  let inserted = 0;
  await db.prisma.$transaction(
    async (tx) => {
      const state = await loadStoredState(tx, db.schema, workspaceId, items);
      const now = new Date();
      const outbox: OutboxRow[] = [];
      const readings = items.filter((i) => i.kind === 'metrics').sort((a, b) => (a.observedAt ?? 0) - (b.observedAt ?? 0));
      for (const item of [...items.filter((i) => i.kind !== 'metrics'), ...readings]) {
        const id = `${storedKindOf(item.kind)}\u0000${item.itemKey}`;
        const previous = state.get(id);
        if (item.kind === 'metrics') {
          if (!previous) {
            outcome.rejected.push({
              index: item.index,
              field: 'networkPostId',
              reason: `no post ${item.itemKey} was sent to this workspace; send the post first (POST /v1/posts:batch)`,
            });
            continue;
          }
          if (previous.observedAt !== null && (item.observedAt ?? 0) <= previous.observedAt) {
            outcome.duplicates.push(item.index);
            continue;
          }
        } else if (previous?.contentHash === item.contentHash) {
          outcome.duplicates.push(item.index);
          continue;
        }
        const changed = item.kind !== 'metrics' && previous !== undefined;
        const event = publishable(item.toEvent(changed));
        if ('field' in event) {
          outcome.rejected.push({ index: item.index, ...event });
          continue;
        }
        if (item.kind === 'metrics' && previous) {
          previous.observedAt = item.observedAt;
          previous.touched = true;
        } else {
          state.set(id, {
            kind: item.kind,
            itemKey: item.itemKey,
            contentHash: item.contentHash ?? '',
            observedAt: newest(previous?.observedAt ?? null, item.observedAt),
            isNew: previous ? previous.isNew : true,
            touched: true,
          });
        }
        outbox.push({ id: event.id, topic: EVENT_CATALOG[event.type].topic, key: partitionKeyOf(event), event });
        outcome.events.push(event);
        outcome.accepted.push(item.index);
      }
      outcome.accepted.sort((a, b) => a - b);
      outcome.duplicates.sort((a, b) => a - b);
      outcome.rejected.sort((a, b) => a.index - b.index);
      const touched = [...state.values()].filter((s) => s.touched);
      const created = touched.filter((s) => s.isNew);
      inserted = created.length;
      await insertItems(tx, db.schema, workspaceId, created, now);
      await updateItems(
        tx,
        db.schema,
        workspaceId,
        touched.filter((s) => !s.isNew),
        now,
      );
      await insertOutboxEvents(tx, db.schema, outbox, now);
      await options.afterWrite?.(tx, outcome);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (inserted > 0) noteItemsInserted(db, inserted, options.onBackgroundError ?? (() => undefined));
  return outcome;
}

// The payload wrappers of ingestion's events: a rejection names the field as the item has it.
const PAYLOAD_PREFIX = /^\/payload(\/(post|mention|followers))?\//;

/**
 * The event as the bus will check it before sending (envelope, type, payload): an event that
 * cannot be published never enters the outbox, where it would wait forever. The item's own
 * schema is narrower than the event's; this catches what only the event knows (the workspace id).
 */
function publishable(event: HeraldEvent): HeraldEvent | { field: string; reason: string } {
  try {
    return parseEvent(event);
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    const issue = error.issues[0];
    if (!issue) return { field: '', reason: `cannot be published: ${error.message}` };
    const field = issue.path.replace(PAYLOAD_PREFIX, '').replace(/^\//, '').replace(/\//g, '.');
    return { field, reason: `cannot be published: ${field || 'the event'} ${issue.message}` };
  }
}

const newest = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

async function loadStoredState(tx: IngestionTransaction, schema: string, workspaceId: string, items: readonly PreparedItem[]): Promise<Map<string, RowState>> {
  const keysByKind = new Map<string, Set<string>>();
  for (const item of items) {
    const kind = storedKindOf(item.kind);
    let keys = keysByKind.get(kind);
    if (!keys) keysByKind.set(kind, (keys = new Set()));
    keys.add(item.itemKey);
  }
  const state = new Map<string, RowState>();
  for (const [kind, keys] of keysByKind) {
    for (const row of await findStoredItems(tx, schema, workspaceId, kind, [...keys])) {
      state.set(`${kind}\u0000${row.itemKey}`, {
        kind,
        itemKey: row.itemKey,
        contentHash: row.contentHash,
        observedAt: row.observedAt ? new Date(row.observedAt).getTime() : null,
        isNew: false,
        touched: false,
      });
    }
  }
  return state;
}
