export {
  DEAD_LETTER_HEADERS,
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_PARTITIONS,
  DEFAULT_RETRY,
  type DeadLetter,
  type DeliveredEvent,
  type EnsureTopicsOptions,
  type EventBus,
  type RawPublisher,
  type RetryPolicy,
  type Subscription,
  type SubscriptionHandle,
} from './event-bus.ts';
export { EventBusError, isBusClosedError, isTransientBusError, type EventBusErrorCode } from './event-bus-error.ts';
export { createKafkaEventBus, type KafkaEventBus, type KafkaEventBusConfig } from './kafka/kafka-event-bus.ts';
export { createMemoryEventBus, MemoryEventBus, type MemoryEventBusOptions, type MemoryRecord } from './memory/memory-event-bus.ts';
export { deliveredEventOf } from './replay.ts';
