export * from './event-bus.ts';
export * from './event-bus-error.ts';
export { createKafkaEventBus, type KafkaEventBus, type KafkaEventBusConfig } from './kafka/kafka-event-bus.ts';
export { createMemoryEventBus, MemoryEventBus, type MemoryEventBusOptions, type MemoryRecord } from './memory/memory-event-bus.ts';
