import createClient from 'openapi-fetch';

import { callApi } from '@herald/api-client';

import type { paths } from './generated/deck-api.ts';
import { DeckClientError, DECK_SERVICE } from './deck-client-error.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CreateDeckInput = Json<paths['/v1/decks']['post']['requestBody']>;
export type Audience = CreateDeckInput['audience'];
export type CreatedDeck = Json<paths['/v1/decks']['post']['responses'][201]>;
export type DeckInfo = Json<paths['/v1/decks']['get']['responses'][200]>['items'][number];

export interface DeckClient {
  /** Builds a deck for a period (`from` inclusive, `to` exclusive, YYYY-MM-DD) and an audience. */
  createDeck(input: CreateDeckInput): Promise<CreatedDeck>;
  /** The workspace's decks, newest first (at most `limit`, default 50). */
  listDecks(query?: { limit?: number }): Promise<DeckInfo[]>;
  /** The deck's Reveal.js page, as HTML. */
  getDeckHtml(id: string): Promise<string>;
}

export interface DeckClientOptions {
  baseUrl: string;
  /** A key of the workspace, with the `read` scope. */
  apiKey: string;
  fetch?: typeof fetch;
}

/** The typed client for the deck-builder API; failures throw DeckClientError. */
export function createDeckClient(options: DeckClientOptions): DeckClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const call = <T>(send: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => callApi(send, DECK_SERVICE, DeckClientError.from);

  return {
    createDeck: (input) => call(() => client.POST('/v1/decks', { body: input })),
    listDecks: async (query = {}) => (await call(() => client.GET('/v1/decks', { params: { query: { limit: query.limit ?? 50 } } }))).items,
    getDeckHtml: (id) => call(() => client.GET('/v1/decks/{id}', { params: { path: { id } }, parseAs: 'text' })),
  };
}
