import { Type, type Static } from 'typebox';

import { CalendarDate, Counter, NetworkSchema } from './common.ts';

/** Followers of one profile on one day (the day in UTC, as the network reports it). */
export const FollowerCountSchema = Type.Object(
  {
    network: NetworkSchema,
    profileId: Type.String({ minLength: 1, maxLength: 128 }),
    date: CalendarDate,
    followers: Counter(),
  },
  { additionalProperties: false },
);
export type FollowerCount = Static<typeof FollowerCountSchema>;

export const FollowersCountedPayloadSchema = Type.Object({ followers: FollowerCountSchema }, { additionalProperties: false });
