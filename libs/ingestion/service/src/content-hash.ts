import { hash } from 'node:crypto';

import type { TSchema } from 'typebox';

export type CanonicalSerializer = (value: unknown) => string;

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/**
 * JSON with sorted keys for values of a schema, from a serializer built once per schema: the
 * same text as canonicalJson, in half the time (it matters at 10,000 items a request). Values
 * must have been checked against the schema; anything the schema leaves open goes through
 * canonicalJson.
 */
export function canonicalSerializerOf(schema: TSchema): CanonicalSerializer {
  const node = schema as SchemaNode;
  if (node.type === 'object' && node.properties) {
    const properties = Object.keys(node.properties)
      .sort()
      .map((key) => ({ key, prefix: `${JSON.stringify(key)}:`, serialize: canonicalSerializerOf(node.properties?.[key] as TSchema) }));
    return (value) => {
      const record = value as Record<string, unknown>;
      let out = '';
      for (const { key, prefix, serialize } of properties) {
        const v = record[key];
        if (v !== undefined) out += `${out ? ',' : ''}${prefix}${serialize(v)}`;
      }
      return `{${out}}`;
    };
  }
  if (node.type === 'array' && node.items) {
    const serialize = canonicalSerializerOf(node.items as TSchema);
    return (value) => `[${(value as unknown[]).map(serialize).join(',')}]`;
  }
  if (node.type === 'string' || node.type === 'integer' || node.type === 'number' || node.type === 'boolean') return (value) => JSON.stringify(value);
  return canonicalJson;
}

/** SHA-256 (hex) of a value's canonical JSON. */
export const contentHashOf = (value: unknown, serialize: CanonicalSerializer): string => hash('sha256', serialize(value));

/** JSON with sorted keys for any value (no schema needed), so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
