export * from './listening-client.ts';
export { ListeningClientError } from './listening-client-error.ts';
export type { paths as ListeningPaths } from './generated/listening-api.ts';
