import { EventBusError } from './event-bus-error.ts';

// Kafka's own rule for topic names; a prefix must keep every name valid.
const TOPIC_CHARS = /^[a-zA-Z0-9._-]*$/;

/** Maps logical names (TOPICS, group ids) to the physical names of one deployment, and back. */
export interface TopicNames {
  readonly prefix: string;
  topic(logical: string): string;
  logical(physical: string): string;
  group(groupId: string): string;
}

export function topicNamesOf(prefix = ''): TopicNames {
  if (!TOPIC_CHARS.test(prefix) || prefix.length > 100) {
    throw new EventBusError('EVENT_BUS_CONFIG_INVALID', `topic prefix "${prefix}" may only hold a-z, A-Z, 0-9, ".", "_" and "-" (at most 100)`);
  }
  return {
    prefix,
    topic: (logical) => `${prefix}${logical}`,
    logical: (physical) => (physical.startsWith(prefix) ? physical.slice(prefix.length) : physical),
    group: (groupId) => `${prefix}${groupId}`,
  };
}
