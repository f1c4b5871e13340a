import { EVENT_CATALOG, encodeEvent, parseEvent, partitionKeyOf, type HeraldEvent } from '@herald/events';

import type { TopicNames } from './topic-names.ts';

export interface OutgoingMessage {
  /** Physical topic. */
  topic: string;
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: Readonly<Record<string, string>>;
}

/**
 * Validates every event before any is sent, so a bad event fails where it is made (the
 * producer) instead of in every consumer's dead-letter topic.
 */
export function toOutgoingMessages(events: readonly HeraldEvent[], names: TopicNames): OutgoingMessage[] {
  return events.map((candidate) => {
    const event = parseEvent(candidate);
    return { topic: names.topic(EVENT_CATALOG[event.type].topic), key: partitionKeyOf(event), value: encodeEvent(event) };
  });
}

export const toBuffer = (value: Buffer | string | null): Buffer | null => (typeof value === 'string' ? Buffer.from(value) : value);
