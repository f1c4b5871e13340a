/**
 * True for Prisma's unique-constraint violation (P2002), raised when two writers insert the same
 * key; idempotent consumers treat it as "already done". Checked by code, not class, because each
 * service has its own generated client and its own error classes.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
