import { EVENT_CATALOG, type EventType, type HeraldEvent } from '@herald/events';
import fc from 'fast-check';

import { mutationsOf } from './mutations.ts';
import { hostileJson } from './hostile-values.ts';
import { arbitraryFromSchema, type JsonSchema } from './schema-arbitrary.ts';

const schemaOf = (type: EventType) => EVENT_CATALOG[type].schema as unknown as JsonSchema;

/** Events that follow their schema exactly, of the given types (default: every type). */
export function validEventArbitrary(types: readonly EventType[] = Object.keys(EVENT_CATALOG) as EventType[]): fc.Arbitrary<HeraldEvent> {
  return fc.oneof(...types.map((type) => arbitraryFromSchema(schemaOf(type), { hostility: 0 }) as fc.Arbitrary<HeraldEvent>));
}

/** A valid event with one to three of its values replaced, removed or joined by a stray key. */
export function mutatedEventArbitrary(types?: readonly EventType[]): fc.Arbitrary<unknown> {
  return mutationsOf(validEventArbitrary(types), { max: 3 });
}

/**
 * The bytes of a message on an event topic: a valid event, a mutated one, one of another type,
 * cut short, not JSON, not UTF-8, empty, or nothing at all.
 */
export function rawEventMessageArbitrary(types?: readonly EventType[]): fc.Arbitrary<Buffer | string | null> {
  const text = (value: fc.Arbitrary<unknown>) => value.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: 3, arbitrary: text(validEventArbitrary(types)) },
    { weight: 6, arbitrary: text(mutatedEventArbitrary(types)) },
    { weight: 1, arbitrary: text(validEventArbitrary()) },
    { weight: 1, arbitrary: fc.tuple(text(validEventArbitrary(types)), fc.nat()).map(([json, at]) => json.slice(0, at % json.length)) },
    { weight: 1, arbitrary: text(hostileJson()) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: fc.constantFrom<Buffer | string | null>(null, '', Buffer.from([0xff, 0xfe]), '\uFEFF{}', 'null', '[]') },
  );
}
