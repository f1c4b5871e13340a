import { InvalidArgumentError } from 'commander';

import type { BatchKind, ImportEncoding, ImportFormat } from '@herald/ingestion-client';
import type { Scope } from '@herald/service-kit';

// `herald --help` loads this file and commander, nothing else: the choices below are written out
// instead of imported from the libs, which would load the services. The types tie them to the libs
// both ways, so a kind, format, encoding or scope added there fails typecheck here until it is listed.

type Exhaustive<Listed extends readonly string[], All extends string> = [Exclude<All, Listed[number]>] extends [never] ? Listed : never;
const allOf =
  <All extends string>() =>
  <const Listed extends readonly All[]>(listed: Exhaustive<Listed, All> & Listed): Listed =>
    listed;

export const BATCH_KINDS = allOf<BatchKind>()(['posts', 'metrics', 'followers', 'mentions']);
export const IMPORT_FORMATS = allOf<ImportFormat>()(['auto', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok']);
export const IMPORT_ENCODINGS = allOf<ImportEncoding>()(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
export const SCOPES = allOf<Scope>()(['ingest', 'read', 'admin', 'operator']);
export const DLQ_SERVICES = ['analytics', 'listening'] as const;
export type DlqService = (typeof DLQ_SERVICES)[number];

export const date = (flag: string) => (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`${flag} takes a date as YYYY-MM-DD`);
  return value;
};

export const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65532) throw new InvalidArgumentError('a port from 0 to 65532');
  return n;
};

export const oneOf =
  <T extends string>(flag: string, allowed: readonly T[]) =>
  (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${flag} takes one of ${allowed.join(', ')}`);
    return value as T;
  };

/** `--scope ingest,read`: every name must be a scope. */
export function parseScopes(value: string): Scope[] {
  const scopes = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length || scopes.length === 0) throw new InvalidArgumentError(`--scope takes a comma-separated list of ${SCOPES.join(', ')} (got ${value})`);
  return [...new Set(scopes)] as Scope[];
}

export const INTERVALS = ['day', 'week', 'month'] as const;
// Written out like the lists above; the analytics breakdown route refuses any other.
export const BREAKDOWN_BY = ['network', 'profile', 'content-type', 'tag', 'campaign', 'length'] as const;
export const PERFORMANCE_BY = ['content-type', 'tag', 'length', 'hour', 'weekday', 'network', 'campaign'] as const;

export const finiteNumber = (flag: string) => (value: string) => {
  const n = Number(value.replace(/_/g, ''));
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} takes a number (got ${value})`);
  return n;
};

export const count = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 168) throw new InvalidArgumentError(`${flag} takes a whole number from 1 to 168`);
  return n;
};
