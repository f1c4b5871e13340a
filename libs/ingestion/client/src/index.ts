export * from './ingestion-client.ts';
export { IngestionClientError } from './ingestion-client-error.ts';
export type { paths as IngestionPaths } from './generated/ingestion-api.ts';
export * from './remote-key-verifier.ts';
