import { createHash, randomUUID } from 'node:crypto';

import { EVENT_CATALOG, type EventOf, type EventType, type PayloadOf } from './catalog.ts';

export interface CreateEventInput<T extends EventType> {
  type: T;
  workspaceId: string;
  source: string;
  payload: PayloadOf<T>;
  /** Pass a derived id (see deriveEventId) when the same input must always yield the same event. */
  id?: string;
  occurredAt?: Date | string;
  correlationId?: string;
  causationId?: string;
}

export function createEvent<T extends EventType>(input: CreateEventInput<T>): EventOf<T> {
  const occurredAt = input.occurredAt instanceof Date ? input.occurredAt.toISOString() : (input.occurredAt ?? new Date().toISOString());
  const event = {
    id: input.id ?? randomUUID(),
    type: input.type,
    version: EVENT_CATALOG[input.type].version,
    occurredAt,
    workspaceId: input.workspaceId,
    source: input.source,
    ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    ...(input.causationId ? { causationId: input.causationId } : {}),
    payload: input.payload,
  };
  return event as EventOf<T>;
}

/**
 * A UUID (version 5 layout) derived from its parts, so that work done again on a redelivered
 * message publishes the very same event id and downstream deduplication holds.
 */
export function deriveEventId(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u001f')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
