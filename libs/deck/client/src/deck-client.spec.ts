import { describe, expect, it } from 'vitest';

import { createDeckClient } from './deck-client.ts';
import { DeckClientError } from './deck-client-error.ts';

/** A fetch that records the request and answers with the given status, body and content type. */
function fakeFetch(status: number, body: string, contentType = 'application/json') {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    seen.push(input instanceof Request ? input : new Request(input, init));
    return new Response(body, { status, headers: { 'content-type': contentType } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe('createDeckClient', () => {
  it('posts the period and audience to /v1/decks with the key', async () => {
    const { fetch, seen } = fakeFetch(201, JSON.stringify({ id: 'd1', shareUrl: '/share/decks/t' }));
    const client = createDeckClient({ baseUrl: 'http://deck.test', apiKey: 'hk_a', fetch });
    const created = await client.createDeck({ from: '2026-01-01', to: '2026-02-01', audience: 'marketing' });
    expect(created).toEqual({ id: 'd1', shareUrl: '/share/decks/t' });
    expect(seen[0]!.method).toBe('POST');
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/decks');
    expect(seen[0]!.headers.get('x-api-key')).toBe('hk_a');
    expect(await seen[0]!.json()).toEqual({ from: '2026-01-01', to: '2026-02-01', audience: 'marketing' });
  });

  it('returns the HTML of GET /v1/decks/{id} as text', async () => {
    const { fetch, seen } = fakeFetch(200, '<div class="reveal"></div>', 'text/html; charset=utf-8');
    const client = createDeckClient({ baseUrl: 'http://deck.test', apiKey: 'hk_a', fetch });
    expect(await client.getDeckHtml('d1')).toBe('<div class="reveal"></div>');
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/decks/d1');
  });

  it("throws the API's code on an error answer, also where the success is HTML", async () => {
    const { fetch } = fakeFetch(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'deck not found' } }));
    const client = createDeckClient({ baseUrl: 'http://deck.test', apiKey: 'hk_a', fetch });
    const failure = await client.getDeckHtml('d2').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeckClientError);
    expect(failure).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'deck not found' });
  });

  it('asks for 50 decks unless told otherwise and unwraps the items', async () => {
    const { fetch, seen } = fakeFetch(200, JSON.stringify({ items: [{ id: 'd1' }] }));
    const client = createDeckClient({ baseUrl: 'http://deck.test', apiKey: 'hk_a', fetch });
    expect(await client.listDecks()).toEqual([{ id: 'd1' }]);
    expect(new URL(seen[0]!.url).searchParams.get('limit')).toBe('50');
  });
});
