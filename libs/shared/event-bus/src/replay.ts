import { decodeEvent } from '@herald/events';
import type { Logger } from 'pino';

import type { DeliveredEvent } from './event-bus.ts';

/**
 * The event of a kept dead letter as its consumer would have received it, for a replay through
 * the same handler. Throws InvalidEventError when the bytes are not a valid event.
 */
export function deliveredEventOf(
  letter: { topic: string; partition: number; offset: string; key: string | null; rawValue: Buffer | null },
  logger: Logger,
): DeliveredEvent {
  const event = decodeEvent(letter.rawValue);
  return {
    event,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    key: letter.key,
    logger: logger.child({ topic: letter.topic, partition: letter.partition, offset: letter.offset, eventId: event.id, replay: true }),
  };
}
