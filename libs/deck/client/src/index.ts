export * from './deck-client.ts';
export { DeckClientError } from './deck-client-error.ts';
export type { paths as DeckPaths } from './generated/deck-api.ts';
