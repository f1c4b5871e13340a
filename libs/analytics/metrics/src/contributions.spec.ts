import { describe, expect, it } from 'vitest';

import { contributionsOf, type GroupSums } from './contributions.ts';

// This period: x 300 engagements / 6,000 impressions, linkedin 100 / 1,000 → 400 / 7,000.
// The one before: x 200 / 5,000, linkedin 150 / 2,000, tiktok 50 / 1,000 → 400 / 8,000.
const current = new Map<string | null, GroupSums>([
  ['x', { engagements: 300, impressions: 6000 }],
  ['linkedin', { engagements: 100, impressions: 1000 }],
]);
const previous = new Map<string | null, GroupSums>([
  ['x', { engagements: 200, impressions: 5000 }],
  ['linkedin', { engagements: 150, impressions: 2000 }],
  ['tiktok', { engagements: 50, impressions: 1000 }],
]);
const totals = { current: { engagements: 400, impressions: 7000 }, previous: { engagements: 400, impressions: 8000 } };

describe('contributionsOf', () => {
  it('a count: each group its own change; drivers go the way of the total', () => {
    // Impressions fell 1,000: linkedin (−1,000) and tiktok (−1,000) drove it, x (+1,000) went against.
    const c = contributionsOf('impressions', current, previous, totals);
    expect(c.total).toEqual({ current: 7000, previous: 8000, change: -1000 });
    expect(c.drivers.map((d) => [d.key, d.contribution, d.share])).toEqual([
      ['linkedin', -1000, 1],
      ['tiktok', -1000, 1],
    ]);
    expect(c.detractors.map((d) => [d.key, d.contribution, d.share])).toEqual([['x', 1000, -1]]);
    expect(c.drivers[1]).toMatchObject({ current: null, previous: 1000 });
  });

  it('no change overall: risers are drivers, and no share is claimed', () => {
    const c = contributionsOf('engagements', current, previous, totals);
    expect(c.total.change).toBe(0);
    expect(c.drivers.map((d) => [d.key, d.contribution, d.share])).toEqual([['x', 100, null]]);
    expect(c.detractors.map((d) => d.key)).toEqual(['linkedin', 'tiktok']);
  });

  it('a rate splits into parts that add up to its change exactly', () => {
    // 400/7,000 − 400/8,000 = 0.0571429 − 0.05 = +0.0071429 (+0.71 pp).
    // x: 300/7,000 − 200/8,000 = +0.0178571; linkedin: 100/7,000 − 150/8,000 = −0.0044643; tiktok: 0 − 50/8,000 = −0.00625.
    const c = contributionsOf('engagementRate', current, previous, totals);
    expect(c.total.change).toBeCloseTo(400 / 7000 - 0.05, 12);
    expect(c.drivers).toHaveLength(1);
    expect(c.drivers[0]!.key).toBe('x');
    expect(c.drivers[0]!.contribution).toBeCloseTo(300 / 7000 - 200 / 8000, 12);
    expect(c.drivers[0]!.current).toBeCloseTo(0.05, 12); // x's own rate: 300 / 6,000
    expect(c.detractors.map((d) => d.key)).toEqual(['tiktok', 'linkedin']);
    const sum = [...c.drivers, ...c.detractors].reduce((a, d) => a + d.contribution, 0);
    expect(sum).toBeCloseTo(c.total.change!, 12);
  });
});
