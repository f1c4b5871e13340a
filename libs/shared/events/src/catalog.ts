import type { Static, TSchema } from 'typebox';

import { envelopeSchemaOf } from './envelope.ts';
import { ListeningAlertPayloadSchema } from './payloads/alert.ts';
import { MentionAnalyzedPayloadSchema, MentionReceivedPayloadSchema } from './payloads/mention.ts';
import { MetricsCapturedPayloadSchema, PostPublishedPayloadSchema } from './payloads/post.ts';
import { FollowersCountedPayloadSchema } from './payloads/profile.ts';
import { TOPICS, type TopicName } from './topics.ts';

export const EVENT_TYPES = {
  postPublished: 'ingestion.post.published',
  postUpdated: 'ingestion.post.updated',
  metricsCaptured: 'ingestion.metrics.captured',
  followersCounted: 'ingestion.followers.counted',
  mentionReceived: 'ingestion.mention.received',
  mentionAnalyzed: 'listening.mention.analyzed',
  alert: 'listening.alert.raised',
} as const;

function defineEvent<TType extends string, TPayload extends TSchema>(type: TType, topic: TopicName, payload: TPayload) {
  return { type, version: 1 as const, topic, payloadSchema: payload, schema: envelopeSchemaOf(type, 1 as const, payload) };
}

/** The one definition of each event: its type, version, topic and schema. Types derive from it. */
export const EVENT_CATALOG = {
  [EVENT_TYPES.postPublished]: defineEvent(EVENT_TYPES.postPublished, TOPICS.posts, PostPublishedPayloadSchema),
  [EVENT_TYPES.postUpdated]: defineEvent(EVENT_TYPES.postUpdated, TOPICS.posts, PostPublishedPayloadSchema),
  [EVENT_TYPES.metricsCaptured]: defineEvent(EVENT_TYPES.metricsCaptured, TOPICS.posts, MetricsCapturedPayloadSchema),
  [EVENT_TYPES.followersCounted]: defineEvent(EVENT_TYPES.followersCounted, TOPICS.profiles, FollowersCountedPayloadSchema),
  [EVENT_TYPES.mentionReceived]: defineEvent(EVENT_TYPES.mentionReceived, TOPICS.mentions, MentionReceivedPayloadSchema),
  [EVENT_TYPES.mentionAnalyzed]: defineEvent(EVENT_TYPES.mentionAnalyzed, TOPICS.mentionsAnalyzed, MentionAnalyzedPayloadSchema),
  [EVENT_TYPES.alert]: defineEvent(EVENT_TYPES.alert, TOPICS.alerts, ListeningAlertPayloadSchema),
};

type Catalog = typeof EVENT_CATALOG;
export type EventType = keyof Catalog;
export type EventOf<T extends EventType> = Static<Catalog[T]['schema']>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];
export type HeraldEvent = { [T in EventType]: EventOf<T> }[EventType];

export const isEventType = (value: string): value is EventType => Object.hasOwn(EVENT_CATALOG, value);
