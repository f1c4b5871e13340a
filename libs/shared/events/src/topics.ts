/**
 * Every Kafka topic the product uses, in one place. Deployments may put a prefix in front
 * (HERALD_TOPIC_PREFIX) so that test runs and tenants do not share topics; the event bus applies it.
 */
export const TOPICS = {
  posts: 'herald.ingestion.posts.v1',
  mentions: 'herald.ingestion.mentions.v1',
  profiles: 'herald.ingestion.profiles.v1',
  mentionsAnalyzed: 'herald.listening.mentions-analyzed.v1',
  alerts: 'herald.listening.alerts.v1',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Failed messages of a topic go to its dead-letter topic, with the error in headers. */
export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;

export const ALL_TOPICS: readonly string[] = Object.values(TOPICS).flatMap((t) => [t, deadLetterTopicOf(t)]);
