import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

// One post each Monday from 2 March to 4 May 2026, 1,000 impressions each; engagements per week:
const WEEKLY = [100, 110, 95, 105, 100, 115, 90, 105, 100, 160];
const events = WEEKLY.map((engagements, i) => {
  const day = new Date(Date.UTC(2026, 2, 2 + 7 * i, 10)).toISOString();
  return createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: `w${i}`, publishedAt: day, text: 'post', contentType: 'text', tags: [] },
      metrics: { capturedAt: day, impressions: 1000, engagements },
    },
  });
});

describe('a change is called beyond normal variation only against the spread of the periods before', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    await service.publish(events);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const summary = async (query: string) => (await app.inject({ url: `/v1/analytics/summary?${query}`, headers: { 'x-api-key': keys.keyA } })).json();

  it('judges the week of 4 May against the 8 weeks before it', async () => {
    const { comparison } = await summary('from=2026-05-04&to=2026-05-11');
    // The 8 weeks before (9 March – 27 April): 110, 95, 105, 100, 115, 90, 105, 100; their 7 changes
    // −15, +10, −5, +15, −25, +15, −5 have a sample sd of √(1,435.71 / 6) = 15.47: 2 sd = 30.94.
    // This week's +60 (100 → 160) is beyond it.
    expect(comparison.changes.engagements).toMatchObject({ absolute: 60, notable: true });
    expect(comparison.changes.engagements.threshold).toBeCloseTo(30.938, 3);
    // Impressions never moved: 0 against a threshold of 0 is not notable.
    expect(comparison.changes.impressions).toMatchObject({ absolute: 0, notable: false, threshold: 0 });
    expect(comparison.variationRule).toMatch(/2 standard deviations/);
  });

  it('the week of 27 April (−5) is within normal variation', async () => {
    const { comparison } = await summary('from=2026-04-27&to=2026-05-04');
    expect(comparison.changes.engagements).toMatchObject({ absolute: -5, notable: false });
  });

  it('too short a history, or a comparison with last year, is not judged', async () => {
    // Before 23 March there are only two weeks of posts (the weeks before them hold no data, not zeros): one change.
    expect((await summary('from=2026-03-23&to=2026-03-30')).comparison.changes.engagements.notable).toBeNull();
    expect((await summary('from=2026-05-04&to=2026-05-11&compare=year')).comparison.changes.engagements.notable).toBeNull();
  });
});
