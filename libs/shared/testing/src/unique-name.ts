import { randomBytes } from 'node:crypto';

/** PostgreSQL truncates identifiers beyond 63 bytes; staying under keeps names identical everywhere. */
const MAX_LENGTH = 63;

/**
 * A name unique to this run, made of `[a-z0-9_]` only, so it is valid unquoted as a PostgreSQL
 * schema or database name and as a Kafka topic or consumer group (no dots: Kafka treats `.` and `_` alike in metrics).
 */
export function uniqueName(prefix: string): string {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const head = /^[a-z_]/.test(clean) ? clean : `t_${clean}`;
  return `${head.slice(0, MAX_LENGTH - suffix.length - 1)}_${suffix}`;
}
