import { describe, expect, it } from 'vitest';

import { timestampFromId } from './id-timestamp.ts';

describe('timestampFromId', () => {
  it('reads the minute of a real tweet from its snowflake id', () => {
    // First row of the rOpenSci January 2017 export: time "2017-01-30 19:05 +0000".
    const ms = timestampFromId('x-snowflake', '826144200114663424');
    expect(new Date(ms ?? 0).toISOString().slice(0, 16)).toBe('2017-01-30T19:05');
  });

  it('reads LinkedIn activity and TikTok video ids', () => {
    expect(new Date(timestampFromId('linkedin-activity', 'urn:li:activity:7302692292526080000') ?? 0).toISOString()).toBe('2025-03-04T14:12:00.000Z');
    expect(new Date(timestampFromId('tiktok-video', '7469852961390384775') ?? 0).toISOString()).toBe('2025-02-10T18:04:33.000Z');
  });

  it('gives nothing for ids that cannot hold a time', () => {
    expect(timestampFromId('x-snowflake', '12345')).toBeUndefined();
    expect(timestampFromId('linkedin-activity', 'urn:li:share:7302692292526080000')).toBeUndefined();
    expect(timestampFromId('x-snowflake', 'abc')).toBeUndefined();
    expect(timestampFromId('tiktok-video', '99999999999999999999')).toBeUndefined();
  });
});
