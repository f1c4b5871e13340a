export type BucketSize = 'hour' | 'day' | 'week';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BUCKET_MS: Readonly<Record<BucketSize, number>> = { hour: HOUR, day: DAY, week: 7 * DAY };

/** The start of the UTC hour, day or ISO week (from Monday) holding `time`. */
export function bucketStartOf(time: Date, size: BucketSize): Date {
  const t = time.getTime();
  if (size === 'hour') return new Date(Math.floor(t / HOUR) * HOUR);
  const day = Math.floor(t / DAY) * DAY;
  if (size === 'day') return new Date(day);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY);
}
