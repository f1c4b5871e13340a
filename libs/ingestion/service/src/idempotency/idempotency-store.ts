import { hash } from 'node:crypto';

import type { IngestionDb, IngestionTransaction } from '@herald/ingestion-data-access';
import { AppError } from '@herald/service-kit';

import { canonicalJson } from '../content-hash.ts';

/** How long an answer is kept for a retry with the same key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
}

export interface IdempotentRequest {
  workspaceId: string;
  key: string;
  /** requestHashOf(...) of what makes the request this request (route, query, body). */
  requestHash: string;
}

export const requestHashOf = (...parts: unknown[]): string => hash('sha256', canonicalJson(parts));

/**
 * The answer first given to this key, or null when the key is new (or expired). A key reused
 * with another request is refused: the caller has a bug, and guessing which answer it wants
 * would hide it.
 */
export async function findStoredAnswer(db: IngestionDb, request: IdempotentRequest): Promise<StoredAnswer | null> {
  const found = await db.prisma.idempotencyKey.findUnique({ where: { workspaceId_key: { workspaceId: request.workspaceId, key: request.key } } });
  if (!found || found.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) return null;
  if (found.requestHash !== request.requestHash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      `The Idempotency-Key "${request.key}" was already used ${found.createdAt.toISOString()} for a different request; use a new key for new work`,
      422,
    );
  }
  return { statusCode: found.statusCode, body: found.response };
}

let lastPrune = 0;

/**
 * Keeps the answer, in the transaction that did the work: both commit or neither. A concurrent
 * request with the same key makes this insert fail with a unique violation (and its work roll
 * back); the caller then answers with the stored answer.
 */
export async function storeAnswer(tx: IngestionTransaction, request: IdempotentRequest, answer: StoredAnswer): Promise<void> {
  const expired = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
  await tx.idempotencyKey.deleteMany({ where: { workspaceId: request.workspaceId, key: request.key, createdAt: { lt: expired } } });
  await tx.idempotencyKey.create({
    data: {
      workspaceId: request.workspaceId,
      key: request.key,
      requestHash: request.requestHash,
      statusCode: answer.statusCode,
      response: answer.body as object,
    },
  });
  if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = Date.now();
    await tx.idempotencyKey.deleteMany({ where: { createdAt: { lt: expired } } });
  }
}
