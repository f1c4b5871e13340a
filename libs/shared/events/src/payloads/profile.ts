import { Type, type Static } from 'typebox';

import { NetworkSchema } from './common.ts';

/** Followers of one profile on one day (the day in UTC, as the network reports it). */
export const FollowerCountSchema = Type.Object(
  {
    network: NetworkSchema,
    profileId: Type.String({ minLength: 1, maxLength: 128 }),
    date: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
    followers: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type FollowerCount = Static<typeof FollowerCountSchema>;

export const FollowersCountedPayloadSchema = Type.Object({ followers: FollowerCountSchema }, { additionalProperties: false });
