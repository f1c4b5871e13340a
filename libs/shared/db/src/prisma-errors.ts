/**
 * True for Prisma's unique-constraint violation (P2002), raised when two writers insert the same
 * key; idempotent consumers treat it as "already done". Checked by code, not class, because each
 * service has its own generated client and its own error classes.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

// Prisma's codes for an unreachable, closed or saturated database.
const PRISMA_TRANSIENT = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);
// PostgreSQL SQLSTATE classes 08 (connection), 53 (resources), 57P (operator intervention) and serialization failures.
const SQLSTATE_TRANSIENT = /^(08|53|57P0[1-3]|40001|40P01)/;
const NETWORK_TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGE_TRANSIENT =
  /connection (terminated|refused|closed|timeout)|Connection terminated|timeout exceeded when trying to connect|Transaction API error: Transaction already closed|Unable to start a transaction in the given time|not queryable|Connection ended unexpectedly|the database system is (shutting down|starting up|in recovery mode)|Can't reach database server|Server has closed the connection|ECONNREFUSED|ECONNRESET/i;

/**
 * True when a database call failed because the database could not be reached or was
 * overloaded, not because of the data: consumers wait such outages out instead of dead-lettering
 * the events they were handling. Walks the cause chain, since driver adapters wrap the pg error.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    const code = typeof e.code === 'string' ? e.code : typeof e.originalCode === 'string' ? e.originalCode : '';
    if (PRISMA_TRANSIENT.has(code) || NETWORK_TRANSIENT.has(code) || (code.length === 5 && SQLSTATE_TRANSIENT.test(code))) return true;
    if (e.kind === 'ConnectionClosed' || e.kind === 'SocketTimeout' || e.kind === 'TooManyConnections' || e.kind === 'DatabaseNotReachable') return true;
    if (typeof e.message === 'string' && MESSAGE_TRANSIENT.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
