import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { walkOddTargets, walkRoutes } from '@herald/service-kit';

import { createIngestionTestKit, KEY_A, KEY_B, seedWalkKeys, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('every ingestion API route, from the route table', () => {
  let kit: IngestionTestKit;
  let seeded: Awaited<ReturnType<typeof seedWalkKeys>>;
  let importId: string;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
    seeded = await seedWalkKeys(kit.db);
    const job = await kit.db.prisma.importJob.create({
      data: { workspaceId: 'a', fileName: 'MARKER-A.csv', format: 'x', kind: 'posts', bytesTotal: 1, state: 'succeeded' },
    });
    importId = job.id;
  }, 120_000);
  afterAll(() => kit?.close());

  const params = (url: string) => (url.startsWith('/v1/imports/') ? importId : url.startsWith('/v1/keys/') ? seeded.markerKeyId : undefined);

  it('refuses no key, a wrong key, a revoked key and a key without the scope, and never shows workspace a to workspace b', async () => {
    const { routes, violations } = await walkRoutes({
      app: kit.app,
      keys: { full: KEY_A, lacking: (s) => seeded.lacking[s], revoked: seeded.revoked, otherWorkspace: KEY_B },
      marker: 'MARKER-A',
      params,
    });
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /v1/posts::batch',
        'POST /v1/imports',
        'GET /v1/imports/:id',
        'GET /v1/keys/self',
        'GET /v1/keys',
        'POST /v1/keys',
        'DELETE /v1/keys/:id',
        'POST /v1/workspaces/:id/keys',
      ]),
    );
    expect(violations).toEqual([]);
    // Workspace a's marked key was not revoked by workspace b's admin.
    expect((await kit.db.prisma.apiKey.findUniqueOrThrow({ where: { id: seeded.markerKeyId } })).revokedAt).toBeNull();
  }, 120_000); // many requests; seconds on a busy machine

  it('refuses odd request targets without a key over a real socket', async () => {
    await kit.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (kit.app.server.address() as { port: number }).port;
    const { tried, violations } = await walkOddTargets({ app: kit.app, port, params });
    expect(tried).toBeGreaterThan(50);
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine
});
