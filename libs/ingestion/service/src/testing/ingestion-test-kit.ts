import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { decodeEvent, TOPICS, type HeraldEvent } from '@herald/events';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { createLogger, SCOPES, scopesWithout, type Scope, type ServiceApp } from '@herald/service-kit';

import { bootstrapWorkspace, createApiKey, revokeApiKey } from '../auth/api-keys.ts';
import { buildIngestionApp, type IngestionDeps } from '../build-app.ts';
import { createOutboxRelay, type OutboxRelay } from '../outbox/outbox-relay.ts';

export const KEY_A = 'hk_test_workspace_a_0123456789abcdef';
export const KEY_B = 'hk_test_workspace_b_0123456789abcdef';

export interface IngestionTestKit {
  app: ServiceApp;
  db: IngestionDb;
  bus: MemoryEventBus;
  relay: OutboxRelay;
  /** Every event published so far, in publication order, from every ingestion topic. */
  events(): HeraldEvent[];
  close(): Promise<void>;
}

/** The ingestion app on an in-memory PGlite and the in-memory bus, with workspaces "a" and "b". */
export async function createIngestionTestKit(
  options: Partial<Pick<IngestionDeps, 'rateLimitPerMinute' | 'bodyLimitBytes' | 'uploadLimitBytes'>> = {},
): Promise<IngestionTestKit> {
  const logger = createLogger({ name: 'ingestion-test', level: 'silent' });
  const db = createIngestionDb({ kind: 'pglite' });
  await db.migrate();
  const bus = createMemoryEventBus({ logger });
  await bus.ensureTopics();
  await bootstrapWorkspace(db, { workspaceId: 'a', apiKey: KEY_A });
  await bootstrapWorkspace(db, { workspaceId: 'b', apiKey: KEY_B });
  const relay = createOutboxRelay({ db, bus, logger });
  const app = await buildIngestionApp({ logger, db, bus, relay, ...options });
  return {
    app,
    db,
    bus,
    relay,
    events: () =>
      [TOPICS.posts, TOPICS.mentions, TOPICS.profiles]
        .flatMap((topic) => bus.records(topic))
        .sort((x, y) => x.timestamp.getTime() - y.timestamp.getTime())
        .map((r) => decodeEvent(r.value)),
    close: async () => {
      await app.close();
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}

/** A multipart/form-data body, as a browser or curl would send it. */
export function multipartBody(parts: { name: string; value: string | Buffer; fileName?: string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----herald${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ''}`;
    const type = part.fileName ? 'Content-Type: text/csv\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const post = (id: string, extra: Record<string, unknown> = {}) => ({
  network: 'x',
  networkPostId: id,
  publishedAt: '2026-01-05T10:00:00Z',
  text: `post ${id}`,
  ...extra,
});

/** Keys a route walk needs, in workspace "a" unless named otherwise; a key named MARKER-A marks a's rows. */
export async function seedWalkKeys(db: IngestionDb): Promise<{ lacking: Record<Scope, string>; revoked: string; markerKeyId: string }> {
  const lacking = {} as Record<Scope, string>;
  for (const scope of SCOPES) lacking[scope] = (await createApiKey(db, { workspaceId: 'a', name: `without ${scope}`, scopes: scopesWithout(scope) })).key;
  const revoked = await createApiKey(db, { workspaceId: 'a', name: 'revoked', scopes: [...SCOPES] });
  await revokeApiKey(db, { id: revoked.info.id });
  const marker = await createApiKey(db, { workspaceId: 'a', name: 'MARKER-A', scopes: ['read'] });
  return { lacking, revoked: revoked.key, markerKeyId: marker.info.id };
}
