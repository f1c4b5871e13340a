export type DatabaseErrorCode =
  | 'DB_INVALID_URL'
  | 'DB_INVALID_SCHEMA_NAME'
  | 'DB_INVALID_MIGRATION_NAME'
  | 'DB_NOT_A_TEST_DATABASE'
  | 'DB_MIGRATION_LOCK_TIMEOUT'
  | 'DB_MIGRATION_FAILED'
  | 'DB_MIGRATION_EXISTS';

const RETRIABLE: ReadonlySet<DatabaseErrorCode> = new Set(['DB_MIGRATION_LOCK_TIMEOUT']);

/** Errors of this lib carry a stable code; only waiting for another replica's migration is worth retrying. */
export class DatabaseError extends Error {
  readonly retriable: boolean;
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
    this.retriable = RETRIABLE.has(code);
  }
}
