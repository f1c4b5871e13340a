import { describe, expect, it } from 'vitest';

import { createListeningClient } from './listening-client.ts';
import { ListeningClientError } from './listening-client-error.ts';

/** A fetch that records the request and answers with the given status, body and headers. */
function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    seen.push(input instanceof Request ? input : new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe('createListeningClient', () => {
  it('sends the key and the period to GET /v1/listening/summary and returns the summary', async () => {
    const { fetch, seen } = fakeFetch(200, { workspaceId: 'a', mentions: 3 });
    const client = createListeningClient({ baseUrl: 'http://listening.test', apiKey: 'hk_a', fetch });
    const summary = await client.getSummary({ from: '2026-01-01', to: '2026-02-01' });
    expect(summary).toEqual({ workspaceId: 'a', mentions: 3 });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe('/v1/listening/summary');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(seen[0]!.headers.get('x-api-key')).toBe('hk_a');
  });

  it('unwraps the items of GET /v1/listening/brands', async () => {
    const { fetch } = fakeFetch(200, { items: [{ id: 'b1', name: 'Acme' }] });
    const client = createListeningClient({ baseUrl: 'http://listening.test', apiKey: 'hk_a', fetch });
    expect(await client.listBrands()).toEqual([{ id: 'b1', name: 'Acme' }]);
  });

  it("throws the API's code, message, details and retry-after on an error answer", async () => {
    const { fetch } = fakeFetch(429, { error: { code: 'RATE_LIMITED', message: 'slow down', details: { limit: 600 } } }, { 'retry-after': '7' });
    const client = createListeningClient({ baseUrl: 'http://listening.test', apiKey: 'hk_a', fetch });
    const failure = await client.createBrand({ name: 'Acme', kind: 'own', keywords: [], products: [], campaigns: [], excludes: [] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ListeningClientError);
    expect(failure).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: 'slow down', details: { limit: 600 }, retryAfterSeconds: 7 });
  });

  it('throws status 0 LISTENING_UNAVAILABLE when listening cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const client = createListeningClient({ baseUrl: 'http://listening.test', apiKey: 'hk_a', fetch });
    await expect(client.listAlerts({ from: '2026-01-01', to: '2026-01-02' })).rejects.toMatchObject({ status: 0, code: 'LISTENING_UNAVAILABLE' });
  });
});
