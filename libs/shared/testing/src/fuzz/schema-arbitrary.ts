import fc from 'fast-check';

import { EDGE_DATES, EDGE_INSTANTS, HOSTILE_DATES, HOSTILE_KEYS, hostileJson, hostileNumber, hostileText } from './hostile-values.ts';

/** The part of JSON Schema (as TypeBox and the OpenAPI documents write it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface SchemaArbitraryOptions {
  /** Chance (0..1) that a value is replaced by a hostile one instead of following its schema. */
  hostility?: number;
  /** Longest array generated for a schema that allows more. */
  maxItems?: number;
}

// Instants spread over 2020-2030, not biased towards one end, so that a `from` is as often before its `to` as after.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());
const WELL_FORMED: Record<string, fc.Arbitrary<string>> = {
  'date-time': instant,
  date: instant.map((iso) => iso.slice(0, 10)),
  uuid: fc.uuid(),
  uri: fc.webUrl(),
  email: fc.emailAddress(),
};

/**
 * Values that follow `schema`, except where a dice roll swaps in a hostile value: a NUL byte in
 * an id, 2^53 in a counter, 0000-01-01 in a date, a `__proto__` key in an object, a missing
 * required field. Most inputs are then close enough to valid to get past the first check and
 * reach the code behind it, which is where 500s hide.
 */
export function arbitraryFromSchema(schema: JsonSchema | undefined, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const hostility = options.hostility ?? 0.15;
  const maxItems = options.maxItems ?? 4;
  const hostile = hostileFor(schema);
  const follow = following(schema, { hostility, maxItems });
  if (hostility <= 0) return follow;
  const weight = Math.max(1, Math.round(hostility * 100));
  return fc.oneof({ weight: 100 - weight, arbitrary: follow }, { weight, arbitrary: hostile });
}

function hostileFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (schema?.format === 'date' || schema?.format === 'date-time') {
    const edges = schema.format === 'date' ? EDGE_DATES : EDGE_INSTANTS;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...edges) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
      { weight: 1, arbitrary: hostileText() },
    );
  }
  if (type === 'integer' || type === 'number') return fc.oneof(hostileNumber(), hostileText(), fc.constantFrom(null, true, [] as unknown, {}));
  if (type === 'string') return fc.oneof(hostileText(), hostileNumber(), fc.constant(null));
  return hostileJson();
}

function typeOf(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}

function following(schema: JsonSchema | undefined, options: Required<SchemaArbitraryOptions>): fc.Arbitrary<unknown> {
  if (!schema) return hostileJson();
  const recurse = (s: JsonSchema | undefined) => arbitraryFromSchema(s, options);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map(recurse));
  if (schema.allOf?.length) return recurse(Object.assign({}, ...schema.allOf) as JsonSchema);
  switch (typeOf(schema)) {
    case 'object':
      return objectFollowing(schema, recurse, options.hostility);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.max(min, Math.min(schema.maxItems ?? options.maxItems, options.maxItems));
      return fc.array(recurse(schema.items), { minLength: Math.min(min, max), maxLength: max });
    }
    case 'string':
      return stringFollowing(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1_000_000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostileJson();
  }
}

function stringFollowing(schema: JsonSchema): fc.Arbitrary<string> {
  const format = schema.format ? WELL_FORMED[schema.format] : undefined;
  if (format) return format;
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200) && s.length >= (schema.minLength ?? 0));
    } catch {
      // A pattern fast-check cannot generate from: fall back to plain text.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.string({ minLength, maxLength });
}

function objectFollowing(schema: JsonSchema, recurse: (s: JsonSchema | undefined) => fc.Arbitrary<unknown>, hostility: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) shape[name] = recurse(property);
  const requiredKeys = Object.keys(shape).filter((k) => required.has(k));
  const base = fc.record(shape, { requiredKeys });
  if (hostility <= 0) return base;
  // Sometimes a required field goes missing or a key the schema does not know comes along.
  const extraKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 10 }));
  return fc
    .tuple(base, fc.option(fc.tuple(extraKey, hostileJson()), { freq: 8 }), fc.option(fc.constantFrom(...requiredKeys.concat([''])), { freq: 12 }))
    .map(([value, extra, drop]) => {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      if (drop) delete out[drop];
      return out;
    });
}
