/**
 * Several networks put the creation time inside the post id. Where an export gives only a calendar day, the id gives
 * the minute, which hour-of-day reports need.
 */
export type IdTimestampKind = 'x-snowflake' | 'linkedin-activity' | 'tiktok-video';

const X_EPOCH = 1_288_834_974_657n;
const BOUNDS: Record<IdTimestampKind, number> = {
  // The first day each scheme was in use: anything earlier is an id of another kind.
  'x-snowflake': Date.UTC(2010, 10, 4),
  'linkedin-activity': Date.UTC(2008, 0, 1),
  'tiktok-video': Date.UTC(2016, 8, 1),
};

export function timestampFromId(kind: IdTimestampKind, id: string): number | undefined {
  const digits = /(\d{15,20})$/.exec(id)?.[1];
  if (digits === undefined) return undefined;
  const n = BigInt(digits);
  if (n >= 1n << 64n) return undefined;
  let ms: number;
  switch (kind) {
    case 'x-snowflake':
      ms = Number((n >> 22n) + X_EPOCH);
      break;
    case 'linkedin-activity':
      if (!id.includes('activity')) return undefined;
      ms = Number(n >> 22n);
      break;
    case 'tiktok-video':
      ms = Number(n >> 32n) * 1000;
      break;
  }
  return ms >= BOUNDS[kind] && ms <= Date.now() + 86_400_000 ? ms : undefined;
}
