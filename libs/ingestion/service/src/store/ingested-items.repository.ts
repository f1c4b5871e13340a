import { Prisma, type IngestionTransaction } from '@herald/ingestion-data-access';

/**
 * The bulk statements of a batch, in SQL with one array parameter per column: building a
 * 10,000-row createMany through the query compiler costs far more than the database's work
 * (see bench/ingestion/RESULTS.md).
 */
const table = (schema: string, name: string) => Prisma.raw(`"${schema}"."${name}"`);

export interface StoredItem {
  itemKey: string;
  contentHash: string;
  observedAt: Date | null;
}

export interface ItemRow {
  kind: string;
  itemKey: string;
  contentHash: string;
  observedAt: number | null;
}

const isoOrEmpty = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function findStoredItems(tx: IngestionTransaction, schema: string, workspaceId: string, kind: string, keys: readonly string[]): Promise<StoredItem[]> {
  return tx.$queryRaw<StoredItem[]>`
    SELECT item_key AS "itemKey", content_hash AS "contentHash", observed_at AS "observedAt"
    FROM ${table(schema, 'ingested_items')}
    WHERE workspace_id = ${workspaceId} AND kind = ${kind} AND item_key = ANY(${keys as string[]}::text[])`;
}

export async function insertItems(tx: IngestionTransaction, schema: string, workspaceId: string, rows: readonly ItemRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO ${table(schema, 'ingested_items')} (workspace_id, kind, item_key, content_hash, first_seen_at, last_seen_at, observed_at)
    SELECT ${workspaceId}, u.kind, u.item_key, u.content_hash, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, NULLIF(u.observed_at, '')::timestamptz
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.itemKey)}::text[], ${rows.map((r) => r.contentHash)}::text[],
                ${rows.map((r) => isoOrEmpty(r.observedAt))}::text[]) AS u(kind, item_key, content_hash, observed_at)`;
}

export async function updateItems(tx: IngestionTransaction, schema: string, workspaceId: string, rows: readonly ItemRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE ${table(schema, 'ingested_items')} AS t
    SET content_hash = u.content_hash, last_seen_at = ${now.toISOString()}::timestamptz, observed_at = NULLIF(u.observed_at, '')::timestamptz
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.itemKey)}::text[], ${rows.map((r) => r.contentHash)}::text[],
                ${rows.map((r) => isoOrEmpty(r.observedAt))}::text[]) AS u(kind, item_key, content_hash, observed_at)
    WHERE t.workspace_id = ${workspaceId} AND t.kind = u.kind AND t.item_key = u.item_key`;
}

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  event: object;
}

/**
 * Rows get their `seq` in array order, so events leave in the order they were made. The rows go
 * as one JSON document: PostgreSQL parses that twice as fast as a text[] of JSON texts.
 */
export async function insertOutboxEvents(tx: IngestionTransaction, schema: string, rows: readonly OutboxRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO ${table(schema, 'outbox_events')} (id, topic, key, payload, created_at)
    SELECT (r->>'id')::uuid, r->>'topic', r->>'key', r->'event', ${now.toISOString()}::timestamptz
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS x(r, position)
    ORDER BY position`;
}
