import { Type, type Static } from 'typebox';

import { NetworkSchema } from '@herald/events';

/** A profile's follower total on one day. Meant to move into the events lib once an event carries it. */
export const FollowerCountSchema = Type.Object(
  {
    profileId: Type.String({ minLength: 1, maxLength: 128 }),
    network: NetworkSchema,
    date: Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Calendar day (YYYY-MM-DD) in the source time zone' }),
    followers: Type.Integer({ minimum: 0, description: 'Total followers at the end of the day' }),
  },
  { additionalProperties: false },
);
export type FollowerCount = Static<typeof FollowerCountSchema>;
