import { Type } from 'typebox';

import { literalUnion } from '@herald/events';
import { SCOPES } from '@herald/service-kit';

import { WORKSPACE_ID_PATTERN } from '../auth/api-keys.ts';

export const ScopeSchema = literalUnion(SCOPES);

export const PrincipalSchema = Type.Object(
  {
    workspaceId: Type.String(),
    keyId: Type.String({ format: 'uuid' }),
    scopes: Type.Array(ScopeSchema),
  },
  { additionalProperties: false, description: 'The workspace and scopes of the key that sent the request' },
);

export const KeyInfoSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    workspaceId: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'First characters of the key, to tell keys apart' }),
    scopes: Type.Array(ScopeSchema),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Updated at most once a minute' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const KeyListSchema = Type.Object({ items: Type.Array(KeyInfoSchema) });

export const CreateKeyBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'What the key is for ("nightly X import")' }),
    scopes: Type.Optional(
      Type.Array(ScopeSchema, { minItems: 1, uniqueItems: true, description: 'Default: ingest and read. A key can grant only scopes it holds itself.' }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedKeySchema = Type.Object(
  {
    key: Type.String({ description: 'The API key: shown this once, stored only as a hash' }),
    info: KeyInfoSchema,
    workspaceCreated: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const KeyIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const WorkspaceParamsSchema = Type.Object({ id: Type.String({ pattern: WORKSPACE_ID_PATTERN }) }, { additionalProperties: false });
export const WorkspaceKeyParamsSchema = Type.Object(
  { id: Type.String({ pattern: WORKSPACE_ID_PATTERN }), keyId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
