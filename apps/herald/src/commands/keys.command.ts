import { join } from 'node:path';

import { openPGlite } from '@herald/db';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { createApiKey, ensureWorkspace, generateApiKey, listApiKeys, revokeApiKey, type KeyInfo } from '@herald/ingestion-service';
import type { Scope } from '@herald/service-kit';

import { CliError, EXIT } from '../cli-error.ts';
import { assertDataDirHasStore, demoApiKey, findRunningStack, requestRunningStack, withDataDirLock } from '../embedded/data-dir.ts';

export interface KeysTarget {
  dataDir: string;
}

/** A running `herald start` is asked over HTTP with the demo (operator) key; otherwise the data dir is opened directly. */
async function withKeys<T>(
  target: KeysTarget & { needsStore: boolean },
  remote: (call: (method: string, path: string, body?: unknown) => Promise<unknown>) => Promise<T>,
  local: (db: IngestionDb) => Promise<T>,
): Promise<T> {
  const running = findRunningStack(target.dataDir);
  if (running?.urls.ingestion) {
    const key = demoApiKey(target.dataDir, generateApiKey);
    return remote(async (method, path, body) => {
      const res = await requestRunningStack(running, `${running.urls.ingestion}${path}`, {
        method,
        headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
      if (!res.ok)
        throw new CliError(`the running herald refused: ${json.error?.message ?? `answered ${res.status}`}${json.error?.code ? ` (${json.error.code})` : ''}`);
      return json;
    });
  }
  // A key can be made before the first start; listing or revoking in a folder with no herald is a wrong --data-dir.
  if (target.needsStore) assertDataDirHasStore(target.dataDir);
  return withDataDirLock(target.dataDir, async () => {
    const pglite = openPGlite({ dataDir: join(target.dataDir, 'pglite') });
    const db = createIngestionDb({ kind: 'pglite', pglite });
    try {
      await db.migrate();
      return await local(db);
    } finally {
      await db.close();
      await pglite.close();
    }
  });
}

export async function createKey(
  target: KeysTarget,
  input: { workspaceId: string; scopes?: Scope[]; name: string },
): Promise<{ key: string; info: KeyInfo; workspaceCreated: boolean }> {
  return withKeys(
    { ...target, needsStore: false },
    async (call) =>
      (await call('POST', `/v1/workspaces/${encodeURIComponent(input.workspaceId)}/keys`, {
        name: input.name,
        ...(input.scopes ? { scopes: input.scopes } : {}),
      })) as { key: string; info: KeyInfo; workspaceCreated: boolean },
    async (db) => {
      const { created } = await ensureWorkspace(db, input.workspaceId);
      return { ...(await createApiKey(db, input)), workspaceCreated: created };
    },
  );
}

export async function listKeys(target: KeysTarget, workspaceId: string | undefined): Promise<KeyInfo[]> {
  return withKeys(
    { ...target, needsStore: true },
    async (call) => ((await call('GET', workspaceId ? `/v1/workspaces/${encodeURIComponent(workspaceId)}/keys` : '/v1/keys')) as { items: KeyInfo[] }).items,
    (db) => listApiKeys(db, workspaceId),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function revokeKey(target: KeysTarget, input: { id: string; workspaceId?: string }): Promise<KeyInfo> {
  if (!UUID.test(input.id))
    throw new CliError(`"${input.id}" is not a key id`, EXIT.usage, ['key ids look like b1d439a1-fe9c-4e2d-acce-68abb0cb14e3: `herald keys list` shows them']);
  return withKeys(
    { ...target, needsStore: true },
    async (call) =>
      (await call(
        'DELETE',
        input.workspaceId ? `/v1/workspaces/${encodeURIComponent(input.workspaceId)}/keys/${input.id}` : `/v1/keys/${input.id}`,
      )) as KeyInfo,
    async (db) => {
      const revoked = await revokeApiKey(db, input);
      if (!revoked) throw new CliError(`no key ${input.id}${input.workspaceId ? ` in workspace ${input.workspaceId}` : ''}`);
      return revoked;
    },
  );
}

export function formatKeys(keys: KeyInfo[]): string {
  if (keys.length === 0) return 'no keys\n';
  const rows = keys.map((k) => [
    k.id,
    k.workspaceId,
    k.name,
    `${k.prefix}…`,
    k.scopes.join(','),
    k.lastUsedAt ?? '–',
    k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
  ]);
  const head = ['id', 'workspace', 'name', 'prefix', 'scopes', 'last used', 'state'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return (
    [head, ...rows]
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
