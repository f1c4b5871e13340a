import { createHash } from 'node:crypto';

import type { paths } from './generated/ingestion-api.ts';

/** What GET /v1/keys/self answers: the key's workspace, its id and its scopes. */
export type KeyPrincipal = paths['/v1/keys/self']['get']['responses'][200]['content']['application/json'];

/** Ingestion could not say whether a key is valid; callers answer 503 with Retry-After. */
export class KeyVerificationUnavailableError extends Error {
  readonly code = 'DEPENDENCY_UNAVAILABLE';
  readonly statusCode = 503;
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
    this.name = 'KeyVerificationUnavailableError';
  }
}

/** How long an answer about a key is reused: a revoked key keeps working at most this long in other services. */
export const KEY_CACHE_TTL_MS = 30_000;
/** Unknown keys are remembered for less time, so a key made a moment ago works quickly. */
export const UNKNOWN_KEY_CACHE_TTL_MS = 5_000;

export interface RemoteKeyVerifierOptions {
  /** Base URL of the ingestion service. */
  baseUrl: string;
  fetch?: typeof fetch;
  cacheTtlMs?: number;
  unknownKeyTtlMs?: number;
  /** Per request to ingestion (default 3 s). */
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/**
 * Verifies keys for listening, analytics and deck-builder by asking ingestion (which owns them)
 * with GET /v1/keys/self. Answers are cached by the key's hash for `cacheTtlMs` (30 s): revoking
 * a key takes effect within that time. When ingestion cannot be reached the verifier throws
 * KeyVerificationUnavailableError (503 DEPENDENCY_UNAVAILABLE, Retry-After) — it never lets a
 * request through on a guess.
 */
export function createRemoteKeyVerifier(options: RemoteKeyVerifierOptions): (key: string) => Promise<KeyPrincipal | null> {
  const doFetch = options.fetch ?? fetch;
  const ttl = options.cacheTtlMs ?? KEY_CACHE_TTL_MS;
  const unknownTtl = options.unknownKeyTtlMs ?? UNKNOWN_KEY_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const url = new URL('/v1/keys/self', options.baseUrl).toString();
  const cache = new Map<string, { until: number; principal: KeyPrincipal | null }>();
  const inFlight = new Map<string, Promise<KeyPrincipal | null>>();

  const ask = async (key: string): Promise<KeyPrincipal | null> => {
    let response: Response;
    try {
      response = await doFetch(url, { headers: { 'x-api-key': key, accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? 3000) });
    } catch (error) {
      throw new KeyVerificationUnavailableError(`ingestion cannot be reached to verify the API key (${(error as Error).message})`);
    }
    if (response.status === 200) return (await response.json()) as KeyPrincipal;
    await response.body?.cancel();
    if (response.status === 401) return null;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new KeyVerificationUnavailableError(
      `ingestion answered ${response.status} when verifying the API key`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 5,
    );
  };

  return async (key: string) => {
    const id = createHash('sha256').update(key).digest('hex');
    const at = now();
    const cached = cache.get(id);
    if (cached && cached.until > at) return cached.principal;
    const pending = inFlight.get(id) ?? ask(key);
    inFlight.set(id, pending);
    try {
      const principal = await pending;
      if (cache.size >= maxEntries) cache.clear();
      cache.set(id, { until: at + (principal ? ttl : unknownTtl), principal });
      return principal;
    } finally {
      inFlight.delete(id);
    }
  };
}
