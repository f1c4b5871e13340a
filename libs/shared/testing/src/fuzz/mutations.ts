import fc from 'fast-check';

import { EDGE_DATES, EDGE_INSTANTS, HOSTILE_DATES, HOSTILE_KEYS, HOSTILE_NUMERIC_TEXT, hostileJson, hostileNumber, hostileText } from './hostile-values.ts';

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
    if (target && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const step of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step as string] : undefined;
  return node;
}

/** A hostile value of the same kind as the one it replaces: an edge date for a date, 2^53 for a count. */
function hostileLike(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string' && /^\d{4}-\d{2}-\d{2}/.test(original)) {
    const edges = original.length === 10 ? EDGE_DATES : EDGE_INSTANTS;
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...edges) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
      { weight: 1, arbitrary: hostileText() },
    );
  }
  if (typeof original === 'string')
    return fc.oneof({ weight: 5, arbitrary: hostileText() }, { weight: 1, arbitrary: hostileNumber() }, { weight: 1, arbitrary: fc.constant(null) });
  if (typeof original === 'number')
    return fc.oneof(
      { weight: 5, arbitrary: hostileNumber() },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMERIC_TEXT) },
      { weight: 1, arbitrary: hostileJson() },
    );
  return hostileJson();
}

function mutationFor(original: unknown): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileLike(original).map((value) => ({ kind: 'set' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_KEYS, 'extra'), hostileJson()).map(([key, value]) => ({ kind: 'add' as const, key, value })) },
  );
}

/**
 * Values of `base` with one to `max` of their parts replaced by a hostile value of the same kind,
 * removed, or joined by a stray key. Starting from a valid value and breaking one thing reaches
 * the code behind the validation, where a generator that breaks everything at once seldom gets.
 */
export function mutationsOf<T>(base: fc.Arbitrary<T>, options: { max?: number } = {}): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    // Leaves first: a broken leaf inside a valid whole is what validation lets through.
    const paths = pathsOf(value);
    const leaves = paths.filter((p) => {
      const v = valueAt(value, p);
      return v === null || typeof v !== 'object';
    });
    const step = fc
      .oneof({ weight: 4, arbitrary: fc.constantFrom(...(leaves.length ? leaves : paths)) }, { weight: 1, arbitrary: fc.constantFrom(...paths) })
      .chain((path) => mutationFor(valueAt(value, path)).map((m) => [path, m] as const));
    return fc.array(step, { minLength: 1, maxLength: options.max ?? 1 }).map((steps) => steps.reduce<unknown>((v, [path, m]) => mutate(v, path, m), value));
  });
}
