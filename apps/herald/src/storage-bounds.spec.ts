import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { DATE_YEAR_PATTERN, EVENT_CATALOG, type EventType } from '@herald/events';
import { describe, expect, it } from 'vitest';

/**
 * Schema bounds equal storage bounds: for every payload field of every event, the bound its
 * schema gives (largest integer, longest text, range of dates) must fit the column that stores
 * it, so ingestion can never accept what a consumer then fails to store and dead-letters. A new
 * payload field fails here until it is mapped to its column; a column made narrower fails too.
 */

type Column = `${'analytics' | 'listening' | 'ingestion'}.${string}.${string}`;
/** Where a field ends up: columns, or kept whole inside a JSON column, or carried on by another event. */
type Storage = { columns: Column[]; filled?: true } | { json: Column } | { via: EventType } | { notStored: string };

const via = (type: EventType): Storage => ({ via: type });
const cols = (...columns: Column[]): Storage => ({ columns });
// The consumer writes a value of its own when the field is absent (a detected language, an empty list).
const filled = (...columns: Column[]): Storage => ({ columns, filled: true });

const post: Record<string, Storage> = {
  'post.network': cols('analytics.Post.network'),
  'post.networkPostId': cols('analytics.Post.networkPostId'),
  'post.profileId': cols('analytics.Post.profileId'),
  'post.publishedAt': cols('analytics.Post.publishedAt'),
  'post.sourceTimeZone': cols('analytics.Post.sourceTimeZone'),
  'post.text': cols('analytics.Post.text'),
  'post.link': cols('analytics.Post.link'),
  'post.contentType': cols('analytics.Post.contentType'),
  'post.tags[]': cols('analytics.Post.tags'),
  'post.campaign': cols('analytics.Post.campaign'),
};
const metrics = (prefix: string): Record<string, Storage> => ({
  [`${prefix}capturedAt`]: cols('analytics.MetricSnapshot.capturedAt', 'ingestion.IngestedItem.observedAt'),
  [`${prefix}impressions`]: cols('analytics.MetricSnapshot.impressions'),
  [`${prefix}reach`]: cols('analytics.MetricSnapshot.reach'),
  [`${prefix}engagements`]: cols('analytics.MetricSnapshot.engagements'),
  [`${prefix}likes`]: cols('analytics.MetricSnapshot.likes'),
  [`${prefix}comments`]: cols('analytics.MetricSnapshot.comments'),
  [`${prefix}shares`]: cols('analytics.MetricSnapshot.shares'),
  [`${prefix}saves`]: cols('analytics.MetricSnapshot.saves'),
  [`${prefix}linkClicks`]: cols('analytics.MetricSnapshot.linkClicks'),
  [`${prefix}profileClicks`]: cols('analytics.MetricSnapshot.profileClicks'),
  [`${prefix}videoViews`]: cols('analytics.MetricSnapshot.videoViews'),
  [`${prefix}watchTimeSeconds`]: cols('analytics.MetricSnapshot.watchTimeSeconds'),
});
const mentionFields = (prefix: string, text: Column[]): Record<string, Storage> => ({
  [`${prefix}network`]: cols('analytics.Mention.network', 'listening.MentionAnalysis.network'),
  [`${prefix}networkMentionId`]: cols('analytics.Mention.networkMentionId', 'listening.MentionAnalysis.networkMentionId'),
  [`${prefix}kind`]: cols('analytics.Mention.kind'),
  [`${prefix}author`]: cols('analytics.Mention.author'),
  [`${prefix}text`]: cols(...text),
  [`${prefix}language`]: { notStored: 'the detected or given language is the analyzed event\'s own "language" field' },
  [`${prefix}occurredAt`]: cols('analytics.Mention.occurredAt', 'listening.MentionAnalysis.occurredAt'),
  [`${prefix}inReplyToPostId`]: cols('analytics.Mention.inReplyToPostId'),
  [`${prefix}repliedAt`]: cols('analytics.Mention.repliedAt'),
});

const STORAGE: Record<EventType, Record<string, Storage>> = {
  'ingestion.post.published': { ...post, ...metrics('metrics.') },
  'ingestion.post.updated': { ...post, ...metrics('metrics.') },
  'ingestion.metrics.captured': { network: cols('analytics.Post.network'), networkPostId: cols('analytics.Post.networkPostId'), ...metrics('metrics.') },
  'ingestion.followers.counted': {
    'followers.network': cols('analytics.FollowerCount.network'),
    'followers.profileId': cols('analytics.FollowerCount.profileId'),
    'followers.date': cols('analytics.FollowerCount.date'),
    'followers.followers': cols('analytics.FollowerCount.followers'),
  },
  // Listening analyzes the mention and publishes it whole inside listening.mention.analyzed.
  'ingestion.mention.received': Object.fromEntries(Object.keys(mentionFields('mention.', [])).map((k) => [k, via('listening.mention.analyzed')])),
  'listening.mention.analyzed': {
    ...mentionFields('mention.', ['analytics.Mention.text', 'listening.MentionAnalysis.text']),
    'sentiment.score': cols('analytics.Mention.sentimentScore', 'listening.MentionAnalysis.score'),
    'sentiment.label': cols('analytics.Mention.sentimentLabel', 'listening.MentionAnalysis.label'),
    'sentiment.scored': cols('analytics.Mention.scored', 'listening.MentionAnalysis.scored'),
    'sentiment.drivers[]': cols('analytics.Mention.drivers', 'listening.MentionAnalysis.drivers'),
    language: cols('analytics.Mention.language', 'listening.MentionAnalysis.language'),
    intent: cols('analytics.Mention.intent', 'listening.MentionAnalysis.intent'),
    intentConfidence: cols('listening.MentionAnalysis.intentConfidence'),
    'topics[]': filled('analytics.Mention.topics', 'listening.MentionAnalysis.topics'),
  },
  // Stored by listening before it is published: the searchable parts in columns, the rest in the payload document.
  'listening.alert.raised': {
    kind: cols('listening.ListeningAlert.kind'),
    'bucket.start': cols('listening.ListeningAlert.bucketStart'),
    'bucket.end': cols('listening.ListeningAlert.bucketEnd'),
    observed: cols('listening.ListeningAlert.observed'),
    baseline: cols('listening.ListeningAlert.baseline'),
    score: cols('listening.ListeningAlert.score'),
    threshold: { json: 'listening.ListeningAlert.payload' },
    mentions: { json: 'listening.ListeningAlert.payload' },
    negatives: { json: 'listening.ListeningAlert.payload' },
    baselineBuckets: { json: 'listening.ListeningAlert.payload' },
    'evidence.mentions[].network': { json: 'listening.ListeningAlert.payload' },
    'evidence.mentions[].networkMentionId': { json: 'listening.ListeningAlert.payload' },
    'evidence.mentions[].text': { json: 'listening.ListeningAlert.payload' },
    'evidence.mentions[].occurredAt': { json: 'listening.ListeningAlert.payload' },
    'evidence.mentions[].label': { json: 'listening.ListeningAlert.payload' },
    'evidence.total': { json: 'listening.ListeningAlert.payload' },
  },
};

// --- the schema side: every leaf of a payload, with what its schema allows ---

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface Leaf {
  path: string;
  schema: JsonSchema;
  optional: boolean;
}

/** Optional means optional within its own object: an absent parent (a post without metrics) stores no row at all. */
function leavesOf(schema: JsonSchema, path = '', optional = false): Leaf[] {
  if (schema.type === 'object' && schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, child]) => leavesOf(child, path ? `${path}.${key}` : key, !(schema.required ?? []).includes(key)));
  }
  if (schema.type === 'array' && schema.items) return leavesOf(schema.items, `${path}[]`, optional);
  return [{ path, schema, optional }];
}

// --- the storage side: the columns of each service's Prisma schema ---

interface ColumnType {
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
  native: string | null;
}

const SCHEMAS = {
  analytics: '../../../libs/analytics/data-access/prisma/schema.prisma',
  listening: '../../../libs/listening/data-access/prisma/schema.prisma',
  ingestion: '../../../libs/ingestion/data-access/prisma/schema.prisma',
};

function columnsOf(file: string): Map<string, ColumnType> {
  const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
  const columns = new Map<string, ColumnType>();
  for (const [, model, body] of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of body!.split('\n')) {
      const m = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line.replace(/\/\/.*$/, ''));
      if (!m || m[1]!.startsWith('@@')) continue;
      const [, name, type, list, optional, rest] = m;
      columns.set(`${model}.${name}`, {
        type: type!,
        list: Boolean(list),
        optional: Boolean(optional),
        hasDefault: /@default\(/.test(rest!) || /@updatedAt/.test(rest!),
        native: /@db\.(\w+(\([^)]*\))?)/.exec(rest!)?.[1] ?? null,
      });
    }
  }
  return columns;
}

const COLUMNS = new Map<string, ColumnType>(
  Object.entries(SCHEMAS).flatMap(([service, file]) => [...columnsOf(file)].map(([key, type]) => [`${service}.${key}`, type] as const)),
);

const INT4_MAX = 2 ** 31 - 1;
const INT8_MAX = 2n ** 63n - 1n;
// The years the event schemas allow (DATE_YEAR_PATTERN); PostgreSQL's timestamptz and date hold 4713 BC to 294276 AD.
const isBoundedDate = (s: JsonSchema) => (s.format === 'date-time' || s.format === 'date') && s.pattern === DATE_YEAR_PATTERN;

/** Why the column cannot hold every value the field's schema allows, or null when it can. */
function misfit(leaf: Leaf, column: ColumnType, inArray: boolean): string | null {
  const s = leaf.schema;
  if (inArray !== column.list && column.type !== 'Json') return inArray ? 'a list stored in a scalar column' : 'a scalar stored in a list column';
  if (leaf.optional && !column.optional && !column.hasDefault && !inArray) return 'optional in the event, but the column is NOT NULL without a default';
  if (s.type === 'integer') {
    if (s.maximum === undefined) return 'an integer without a maximum: give it one (COUNTER_MAX for counters)';
    if (column.type === 'Int') return s.maximum <= INT4_MAX ? null : `up to ${s.maximum} in the event, but Int holds ${INT4_MAX} at most: use BigInt`;
    if (column.type === 'BigInt') return BigInt(s.maximum) <= INT8_MAX ? null : `up to ${s.maximum}, beyond BigInt`;
    if (column.type === 'Float') return s.maximum <= Number.MAX_SAFE_INTEGER ? null : 'beyond what a double holds exactly';
    return `an integer stored as ${column.type}`;
  }
  if (s.type === 'number') return column.type === 'Float' || column.type === 'Decimal' ? null : `a number stored as ${column.type}`;
  if (s.type === 'boolean') return column.type === 'Boolean' ? null : `a boolean stored as ${column.type}`;
  if (s.type === 'string' && (s.format === 'date-time' || s.format === 'date')) {
    if (column.type !== 'DateTime') return column.type === 'String' ? null : `a date stored as ${column.type}`;
    if (!isBoundedDate(s)) return `a ${s.format} without the year range of DATE_YEAR_PATTERN: the database refuses years it cannot hold (0000, −6060)`;
    if (column.native === 'Date' && s.format !== 'date') return 'a timestamp stored in a date column would lose its time';
    return null;
  }
  if (s.type === 'string' || s.anyOf?.every((o) => typeof o.const === 'string')) {
    if (column.type !== 'String') return `text stored as ${column.type}`;
    const varchar = /^VarChar\((\d+)\)$/.exec(column.native ?? '');
    if (varchar)
      return s.maxLength !== undefined && s.maxLength <= Number(varchar[1])
        ? null
        : `up to ${s.maxLength ?? 'unlimited'} characters in a VarChar(${varchar[1]})`;
    if (column.native && column.native !== 'Text') return `text stored as @db.${column.native}`;
    return null;
  }
  return `a field of unknown shape ${JSON.stringify(s)}`;
}

describe('schema bounds equal storage bounds', () => {
  const fields = Object.values(EVENT_CATALOG).flatMap((d) => leavesOf(d.payloadSchema as JsonSchema).map((leaf) => ({ type: d.type, leaf })));

  it('knows where every payload field of every event is stored (a new field must be mapped here)', () => {
    const unmapped = fields.filter(({ type, leaf }) => !STORAGE[type]?.[leaf.path]).map(({ type, leaf }) => `${type}: ${leaf.path}`);
    expect(unmapped).toEqual([]);
    const stale = Object.entries(STORAGE).flatMap(([type, map]) =>
      Object.keys(map)
        .filter((path) => !fields.some((f) => f.type === type && f.leaf.path === path))
        .map((path) => `${type}: ${path}`),
    );
    expect(stale).toEqual([]);
  });

  it('stores every field in a column that holds every value its schema allows', () => {
    const problems: string[] = [];
    for (const { type, leaf } of fields) {
      const storage = STORAGE[type]?.[leaf.path];
      if (!storage) continue;
      if ('via' in storage) {
        // Carried on whole: the other event must have the same field with the same schema.
        const other = leavesOf(EVENT_CATALOG[storage.via].payloadSchema as JsonSchema).find((l) => l.path === leaf.path);
        if (!other || JSON.stringify(other.schema) !== JSON.stringify(leaf.schema))
          problems.push(`${type}: ${leaf.path} is not carried unchanged by ${storage.via}`);
        continue;
      }
      if ('notStored' in storage) continue;
      if ('json' in storage) {
        if (COLUMNS.get(storage.json)?.type !== 'Json') problems.push(`${type}: ${leaf.path} → ${storage.json} is not a Json column`);
        if (leaf.schema.type === 'integer' && leaf.schema.maximum === undefined) problems.push(`${type}: ${leaf.path} is an integer without a maximum`);
        continue;
      }
      for (const name of storage.columns) {
        const column = COLUMNS.get(name);
        if (!column) {
          problems.push(`${type}: ${leaf.path} → ${name}: no such column`);
          continue;
        }
        const why = misfit({ ...leaf, optional: leaf.optional && !storage.filled && leaf.schema.default === undefined }, column, leaf.path.endsWith('[]'));
        if (why) problems.push(`${type}: ${leaf.path} → ${name}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches a counter stored in a 32-bit column', () => {
    const leaf = { path: 'metrics.impressions', optional: true, schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } };
    expect(misfit(leaf, { type: 'Int', optional: true, list: false, hasDefault: false, native: null }, false)).toMatch(/use BigInt/);
    expect(misfit(leaf, { type: 'BigInt', optional: true, list: false, hasDefault: false, native: null }, false)).toBeNull();
    expect(
      misfit({ ...leaf, schema: { type: 'integer', minimum: 0 } }, { type: 'BigInt', optional: true, list: false, hasDefault: false, native: null }, false),
    ).toMatch(/without a maximum/);
  });

  it('catches a date without a year range and text longer than its column', () => {
    const column = { optional: false, list: false, hasDefault: false };
    expect(
      misfit(
        { path: 'at', optional: false, schema: { type: 'string', format: 'date-time' } },
        { ...column, type: 'DateTime', native: 'Timestamptz(3)' },
        false,
      ),
    ).toMatch(/year range/);
    expect(
      misfit({ path: 'text', optional: false, schema: { type: 'string', maxLength: 300 } }, { ...column, type: 'String', native: 'VarChar(256)' }, false),
    ).toMatch(/VarChar\(256\)/);
  });
});
