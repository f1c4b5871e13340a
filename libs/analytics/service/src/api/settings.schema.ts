import { Type } from 'typebox';

export const WorkspaceSettingsSchema = Type.Object(
  {
    workspaceId: Type.String(),
    timeZone: Type.String({ description: 'IANA zone the workspace reports in: its days, ISO weeks, months and quarters; UTC until set' }),
  },
  { additionalProperties: false },
);

export const WorkspaceSettingsBodySchema = Type.Object(
  { timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'An IANA zone, e.g. Europe/Athens' }) },
  { additionalProperties: false },
);
