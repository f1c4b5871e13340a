import { DatabaseError } from './errors.ts';

/**
 * Schema names go into `search_path` startup options and DDL where they cannot be bound as
 * parameters, so only plain lower-case identifiers are accepted: nothing to quote, nothing to inject.
 */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw new DatabaseError(
      'DB_INVALID_SCHEMA_NAME',
      `Invalid PostgreSQL schema name "${schema}": use 1-63 characters of [a-z0-9_], not starting with a digit or "pg_"`,
    );
  }
  return schema;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
