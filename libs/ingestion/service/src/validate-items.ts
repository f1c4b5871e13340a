import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

import type { Rejection } from './api/batch.schema.ts';

/** Validates each item alone, so the answer can name every bad item by index and field. */
export function createItemValidator<T>(schema: TSchema) {
  const validator = Compile(schema);
  return (items: readonly unknown[]): { valid: { index: number; item: T }[]; rejected: Rejection[] } => {
    const valid: { index: number; item: T }[] = [];
    const rejected: Rejection[] = [];
    items.forEach((raw, index) => {
      const item = typeof raw === 'object' && raw !== null ? Value.Default(schema, structuredClone(raw)) : raw;
      if (validator.Check(item)) {
        valid.push({ index, item: item as T });
        return;
      }
      rejected.push({ index, ...describeFirstError(validator.Errors(item)) });
      return;
    });
    return { valid, rejected };
  };
}

type TypeBoxError = { keyword: string; instancePath: string; params: unknown; message: string };

/** Turns the first schema error into a dotted field path and a sentence a person can act on. */
function describeFirstError(errors: Iterable<TypeBoxError>): { field: string; reason: string } {
  // "boolean" errors repeat an additionalProperties error with less information.
  const first = [...errors].find((e) => e.keyword !== 'boolean');
  if (!first) return { field: '', reason: 'is invalid' };
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const join = (name: string | undefined) => [path, name].filter(Boolean).join('.');
  if (first.keyword === 'required') {
    return { field: join((first.params as { requiredProperties?: string[] }).requiredProperties?.[0]), reason: 'is required' };
  }
  if (first.keyword === 'additionalProperties') {
    return { field: join((first.params as { additionalProperties?: string[] }).additionalProperties?.[0]), reason: 'is not a known field' };
  }
  return { field: path, reason: first.message };
}
