import { createHash, randomBytes } from 'node:crypto';

import type { ApiKey, IngestionDb } from '@herald/ingestion-data-access';
import { isScope, sameSecret, SCOPES, type Logger, type Principal, type Scope, type VerifyKey } from '@herald/service-kit';

/** Keys are shown once and stored only as a SHA-256 hash; the prefix helps people tell them apart. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** 192 random bits: far beyond guessing, so one fast hash is enough (no password stretching needed). */
export const generateApiKey = (): string => `hk_${randomBytes(24).toString('base64url')}`;

/** What a key gets when its creator names no scopes. */
export const DEFAULT_KEY_SCOPES: Scope[] = ['ingest', 'read'];
/** The bootstrap key (HERALD_API_KEY, the embedded demo key) runs the installation. */
export const BOOTSTRAP_KEY_SCOPES: Scope[] = [...SCOPES];

export const WORKSPACE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';

const scopesOf = (stored: readonly string[]): Scope[] => SCOPES.filter((s) => stored.includes(s) && isScope(s));

export interface KeyInfo {
  id: string;
  workspaceId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const keyInfo = (k: ApiKey): KeyInfo => ({
  id: k.id,
  workspaceId: k.workspaceId,
  name: k.name,
  prefix: k.prefix,
  scopes: scopesOf(k.scopes),
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/**
 * Verifies keys against the database: the hash is looked up by its unique index and compared in
 * constant time. `lastUsedAt` is written at most once per `touchIntervalMs` per key, after the
 * answer and off the request's path (a failed write is logged, the request is not held up).
 */
export function createKeyVerifier(db: IngestionDb, options: { logger?: Logger; touchIntervalMs?: number; now?: () => number } = {}): VerifyKey {
  const interval = options.touchIntervalMs ?? 60_000;
  const now = options.now ?? Date.now;
  const touched = new Map<string, number>();
  return async (key: string): Promise<Principal | null> => {
    if (key.length > 200) return null;
    const keyHash = hashApiKey(key);
    const found = await db.prisma.apiKey.findUnique({ where: { keyHash } });
    if (!found || found.revokedAt || !sameSecret(found.keyHash, keyHash)) return null;
    const at = now();
    if ((touched.get(found.id) ?? 0) + interval <= at) {
      touched.set(found.id, at);
      if (touched.size > 10_000) touched.clear();
      db.prisma.apiKey
        .update({ where: { id: found.id }, data: { lastUsedAt: new Date(at) } })
        .catch((error: unknown) => options.logger?.warn({ err: error, keyId: found.id }, 'could not record when the key was last used'));
    }
    return { workspaceId: found.workspaceId, keyId: found.id, scopes: scopesOf(found.scopes) };
  };
}

export async function ensureWorkspace(db: IngestionDb, workspaceId: string): Promise<{ created: boolean }> {
  const existing = await db.prisma.workspace.findUnique({ where: { id: workspaceId } });
  if (existing) return { created: false };
  await db.prisma.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId, name: workspaceId }, update: {} });
  return { created: true };
}

/** A new key in a workspace: the plaintext is returned here once and never stored. */
export async function createApiKey(
  db: IngestionDb,
  input: { workspaceId: string; name: string; scopes?: readonly Scope[] },
): Promise<{ key: string; info: KeyInfo }> {
  const key = generateApiKey();
  const scopes = scopesOf(input.scopes?.length ? input.scopes : DEFAULT_KEY_SCOPES);
  const row = await db.prisma.apiKey.create({
    data: { workspaceId: input.workspaceId, name: input.name, keyHash: hashApiKey(key), prefix: key.slice(0, 7), scopes },
  });
  return { key, info: keyInfo(row) };
}

export async function listApiKeys(db: IngestionDb, workspaceId?: string): Promise<KeyInfo[]> {
  const rows = await db.prisma.apiKey.findMany({ where: workspaceId ? { workspaceId } : {}, orderBy: [{ workspaceId: 'asc' }, { createdAt: 'asc' }] });
  return rows.map(keyInfo);
}

/** Revokes a key of the workspace (any workspace when none is given); null when there is no such key there. */
export async function revokeApiKey(db: IngestionDb, input: { id: string; workspaceId?: string }): Promise<KeyInfo | null> {
  const found = await db.prisma.apiKey.findFirst({ where: { id: input.id, ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}) } });
  if (!found) return null;
  const row = found.revokedAt ? found : await db.prisma.apiKey.update({ where: { id: found.id }, data: { revokedAt: new Date() } });
  return keyInfo(row);
}

/** Makes sure a workspace and (when given) its key exist, the key with every scope; safe to run on every start of every replica. */
export async function bootstrapWorkspace(db: IngestionDb, input: { workspaceId: string; apiKey?: string | undefined; keyName?: string }): Promise<void> {
  // INSERT … ON CONFLICT DO NOTHING: an upsert reads then writes, so two replicas starting
  // together would both try the insert and one would fail on the key.
  await db.prisma.workspace.createMany({ data: [{ id: input.workspaceId, name: input.workspaceId }], skipDuplicates: true });
  if (!input.apiKey) return;
  const keyHash = hashApiKey(input.apiKey);
  await db.prisma.apiKey.createMany({
    data: [{ workspaceId: input.workspaceId, name: input.keyName ?? 'bootstrap', keyHash, prefix: input.apiKey.slice(0, 7), scopes: BOOTSTRAP_KEY_SCOPES }],
    skipDuplicates: true,
  });
  await db.prisma.apiKey.updateMany({ where: { keyHash }, data: { scopes: BOOTSTRAP_KEY_SCOPES } });
}
