import { EVENT_CATALOG, type EventType, type HeraldEvent } from '@herald/events';
import fc from 'fast-check';

import { HOSTILE_KEYS, hostileJson, hostileNumber, hostileText } from './hostile-values.ts';
import { arbitraryFromSchema, type JsonSchema } from './schema-arbitrary.ts';

const schemaOf = (type: EventType) => EVENT_CATALOG[type].schema as unknown as JsonSchema;

/** Events that follow their schema exactly, of the given types (default: every type). */
export function validEventArbitrary(types: readonly EventType[] = Object.keys(EVENT_CATALOG) as EventType[]): fc.Arbitrary<HeraldEvent> {
  return fc.oneof(...types.map((type) => arbitraryFromSchema(schemaOf(type), { hostility: 0 }) as fc.Arbitrary<HeraldEvent>));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value`, parents first. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

function mutate(event: unknown, path: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(event) as Json;
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  // An earlier mutation may have removed or replaced the parent: then this one does nothing.
  let node: unknown = copy;
  for (const step of path.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step as string] : undefined;
  if (!node || typeof node !== 'object') return copy;
  const parent = node as Record<string, unknown>;
  const key = path[path.length - 1] as string;
  if (mutation.kind === 'set') parent[key] = mutation.value;
  else if (mutation.kind === 'delete') delete parent[key];
  else {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(hostileText(), hostileNumber(), hostileJson()).map((value) => ({ kind: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS, 'extra'), hostileJson()).map(([key, value]) => ({ kind: 'add' as const, key, value })) },
);

/** A valid event with one to three of its values replaced, removed or joined by a stray key. */
export function mutatedEventArbitrary(types?: readonly EventType[]): fc.Arbitrary<unknown> {
  return validEventArbitrary(types).chain((event) => {
    const paths = pathsOf(event);
    return fc.array(fc.tuple(fc.constantFrom(...paths), mutation), { minLength: 1, maxLength: 3 }).map((steps) => steps.reduce<unknown>((e, [path, m]) => mutate(e, path, m), event));
  });
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
