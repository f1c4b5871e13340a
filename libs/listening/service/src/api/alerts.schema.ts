import { Type } from 'typebox';

import { ListeningAlertPayloadSchema } from '@herald/events';

export const AlertsQuerySchema = Type.Object(
  {
    from: Type.String({ description: 'Inclusive: YYYY-MM-DD (UTC) or ISO timestamp' }),
    to: Type.String({ description: 'Exclusive: YYYY-MM-DD (UTC) or ISO timestamp' }),
  },
  { additionalProperties: false },
);

export const AlertListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Also the id of the listening.alert event' }),
      detectedAt: Type.String({ format: 'date-time' }),
      alert: ListeningAlertPayloadSchema,
    }),
  ),
});
