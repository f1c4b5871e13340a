import { createHash, randomBytes } from 'node:crypto';

import type { IngestionDb } from '@herald/ingestion-data-access';

/** Keys are shown once and stored only as a SHA-256 hash; the prefix helps people tell them apart. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const generateApiKey = (): string => `hk_${randomBytes(24).toString('base64url')}`;

export async function findWorkspaceByKey(db: IngestionDb, key: string): Promise<string | null> {
  const found = await db.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, select: { workspaceId: true, revokedAt: true } });
  return found && !found.revokedAt ? found.workspaceId : null;
}

/** Makes sure a workspace and (when given) its key exist; safe to run on every start of every replica. */
export async function bootstrapWorkspace(db: IngestionDb, input: { workspaceId: string; apiKey?: string | undefined; keyName?: string }): Promise<void> {
  await db.prisma.workspace.upsert({ where: { id: input.workspaceId }, create: { id: input.workspaceId, name: input.workspaceId }, update: {} });
  if (!input.apiKey) return;
  const keyHash = hashApiKey(input.apiKey);
  await db.prisma.apiKey.upsert({
    where: { keyHash },
    create: { workspaceId: input.workspaceId, name: input.keyName ?? 'bootstrap', keyHash, prefix: input.apiKey.slice(0, 7) },
    update: {},
  });
}
