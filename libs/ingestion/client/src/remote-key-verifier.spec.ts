import { describe, expect, it } from 'vitest';

import { createRemoteKeyVerifier, KeyVerificationUnavailableError } from './remote-key-verifier.ts';

const principal = { workspaceId: 'acme', keyId: '7b0c6c1e-5f43-4a57-9a49-8d3f1b2f9e10', scopes: ['read' as const] };

function fakeIngestion(answers: Record<string, number>) {
  const calls: string[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const key = (init.headers as Record<string, string>)['x-api-key']!;
    calls.push(key);
    const status = answers[key] ?? 401;
    return new Response(status === 200 ? JSON.stringify(principal) : '{}', { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('the remote key verifier', () => {
  it('asks ingestion once per key and reuses the answer for the cache TTL, then asks again (a revocation takes effect within it)', async () => {
    let clock = 0;
    const ingestion = fakeIngestion({ good: 200 });
    const verify = createRemoteKeyVerifier({ baseUrl: 'http://ingestion', fetch: ingestion.fetch, cacheTtlMs: 30_000, now: () => clock });
    expect(await verify('good')).toEqual(principal);
    clock = 29_999;
    expect(await verify('good')).toEqual(principal);
    expect(ingestion.calls).toEqual(['good']);
    clock = 30_000;
    await verify('good');
    expect(ingestion.calls).toEqual(['good', 'good']);
  });

  it('answers null for a key ingestion refuses', async () => {
    const verify = createRemoteKeyVerifier({ baseUrl: 'http://ingestion', fetch: fakeIngestion({}).fetch });
    expect(await verify('wrong')).toBeNull();
  });

  it('throws DEPENDENCY_UNAVAILABLE when ingestion cannot be reached, and does not cache it', async () => {
    const verify = createRemoteKeyVerifier({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    const error = await verify('good').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyVerificationUnavailableError);
    expect(error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', statusCode: 503, retryAfterSeconds: 5 });
  });

  it('treats a 5xx from ingestion as unavailable, never as a valid key', async () => {
    const verify = createRemoteKeyVerifier({ baseUrl: 'http://ingestion', fetch: fakeIngestion({ good: 500 }).fetch });
    await expect(verify('good')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });
});
