import { DATE_RANGE_HINT, DATE_YEAR_PATTERN, LINK_PATTERN } from '@herald/events';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

import type { Rejection } from './api/batch.schema.ts';

export type ItemValidator<T> = (items: readonly unknown[]) => { valid: { index: number; item: T }[]; rejected: Rejection[] };

/**
 * Validates each item alone, so the answer can name every bad item by index and field. Defaults
 * are filled in place: the items are the request's own freshly parsed JSON.
 */
export function createItemValidator<T>(schema: TSchema): ItemValidator<T> {
  const validator = Compile(schema);
  const withDefaults = defaultsFiller(schema);
  return (items) => {
    const valid: { index: number; item: T }[] = [];
    const rejected: Rejection[] = [];
    items.forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        rejected.push({ index, field: '', reason: `must be an object, not ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}` });
        return;
      }
      const item = withDefaults(raw);
      if (validator.Check(item)) valid.push({ index, item: item as T });
      else rejected.push({ index, ...describeErrors(validator.Errors(item)) });
    });
    return { valid, rejected };
  };
}

/**
 * Fills in missing top-level properties that have a default (`contentType`, `tags`, `kind`), in
 * place; a tenth of what the general Value.Default costs per item. Schemas with defaults deeper
 * down use Value.Default.
 */
export function defaultsFiller(schema: TSchema): (item: object) => unknown {
  const properties = Object.entries((schema as { properties?: Record<string, { default?: unknown; properties?: unknown; items?: unknown }> }).properties ?? {});
  const nested = properties.some(([, p]) => JSON.stringify({ ...p, default: undefined }).includes('"default"'));
  if (nested) return (item) => Value.Default(schema, item);
  const defaults = properties.filter(([, p]) => 'default' in p).map(([key, p]) => [key, p.default] as const);
  return (item) => {
    const record = item as Record<string, unknown>;
    for (const [key, value] of defaults) if (record[key] === undefined) record[key] = Array.isArray(value) ? [...value] : value;
    return item;
  };
}

export type SchemaError = { keyword: string; instancePath: string; params: unknown; message: string };

const FORMAT_HINTS: Record<string, string> = {
  'date-time': 'must be a real date and time in ISO 8601 with an offset, e.g. 2026-02-28T09:30:00Z',
  date: 'must be a real date as YYYY-MM-DD, e.g. 2026-02-28',
  uri: 'must be an absolute URL, e.g. https://example.com/post',
  uuid: 'must be a UUID',
};

const PATTERN_HINTS: Record<string, string> = {
  [DATE_YEAR_PATTERN]: DATE_RANGE_HINT,
  [LINK_PATTERN]: 'must be an http:// or https:// URL',
};

/** Turns the schema errors of one item into a dotted field path and a sentence a person can act on. */
export function describeErrors(errors: Iterable<SchemaError>): { field: string; reason: string } {
  // "boolean" errors repeat an additionalProperties error with less information.
  const all = [...errors].filter((e) => e.keyword !== 'boolean');
  const first = all[0];
  if (!first) return { field: '', reason: 'is invalid' };
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const join = (name: string | undefined) => [path, name].filter(Boolean).join('.');
  switch (first.keyword) {
    case 'required':
      return { field: join((first.params as { requiredProperties?: string[] }).requiredProperties?.[0]), reason: 'is required' };
    case 'additionalProperties':
      return { field: join((first.params as { additionalProperties?: string[] }).additionalProperties?.[0]), reason: 'is not a known field' };
    case 'const': {
      // A union of literals reports one error per allowed value.
      const allowed = all
        .filter((e) => e.keyword === 'const' && e.instancePath === first.instancePath)
        .map((e) => String((e.params as { allowedValue?: unknown }).allowedValue));
      return { field: path, reason: `must be one of ${allowed.join(', ')}` };
    }
    case 'format':
      return { field: path, reason: FORMAT_HINTS[(first.params as { format?: string }).format ?? ''] ?? first.message };
    case 'pattern':
      return { field: path, reason: PATTERN_HINTS[String((first.params as { pattern?: unknown }).pattern)] ?? first.message };
    case 'minimum':
      return { field: path, reason: (first.params as { limit?: number }).limit === 0 ? 'must not be negative' : first.message };
    default:
      return { field: path, reason: first.message };
  }
}
