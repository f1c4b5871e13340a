import { describe, expect, it } from 'vitest';

import { analyticsSummaryOf, type AnalyticsSummary } from '@herald/analytics-client';

import { buildSummaryDeck, narrate } from './summary-story.ts';

const summary = (over: Partial<AnalyticsSummary>): AnalyticsSummary =>
  analyticsSummaryOf({
    workspaceId: 'acme',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    posts: 10,
    impressions: 10_000,
    engagements: 400,
    engagementRate: 0.04,
    mentions: 20,
    averageSentiment: 0.2,
    ...over,
  });

const input = (current: Partial<AnalyticsSummary>, previous: Partial<AnalyticsSummary>) => ({
  current: summary(current),
  previous: summary(previous),
  audience: 'executive',
  periodLabel: 'November',
  previousLabel: 'October',
});

describe('narrate', () => {
  it('leads with reach when it grew by a tenth or more', () => {
    // 12,000 against 10,000 impressions: +20 %.
    expect(narrate(input({ impressions: 12_000 }, {})).headline).toBe('Reach grew 20.0% in November');
  });

  it('says so when reach fell', () => {
    expect(narrate(input({ impressions: 7_000 }, {})).headline).toBe('Reach fell 30.0% in November');
  });

  it('turns a drop in engagement rate and a negative conversation into next steps', () => {
    const story = narrate(input({ engagementRate: 0.03, averageSentiment: -0.3 }, { engagementRate: 0.05 }));
    expect(story.paragraphs.join(' ')).toContain('down from 5.0%');
    expect(story.nextSteps.join(' ')).toMatch(/lost engagement/);
    expect(story.nextSteps.join(' ')).toMatch(/negative mentions/);
  });

  it('asks for data when nothing was published', () => {
    const story = narrate(input({ posts: 0, impressions: 0, engagements: 0, engagementRate: null }, {}));
    expect(story.headline).toBe('No posts were published in November');
    expect(story.nextSteps[0]).toMatch(/Import/);
  });
});

describe('buildSummaryDeck', () => {
  it('compares rates by their difference and counts by relative change', () => {
    const deck = buildSummaryDeck(input({ engagementRate: 0.05, impressions: 15_000 }, { engagementRate: 0.04, impressions: 10_000 }));
    const kpis = deck.slides.find((s) => s.kind === 'kpis');
    if (kpis?.kind !== 'kpis') throw new Error('no KPI slide');
    const byLabel = Object.fromEntries(kpis.cards.map((c) => [c.label, c]));
    // 5 % against 4 %: one point up, not "+25 %".
    expect(byLabel['Engagement rate']!.delta?.value).toBeCloseTo(0.01, 12);
    expect(byLabel['Impressions']!.delta?.value).toBeCloseTo(0.5, 12);
    expect(byLabel['Impressions']!.delta?.direction).toBe('up');
  });

  it('shows no change where there is nothing to compare with', () => {
    const deck = buildSummaryDeck(input({}, { impressions: 0, averageSentiment: null }));
    const kpis = deck.slides.find((s) => s.kind === 'kpis');
    if (kpis?.kind !== 'kpis') throw new Error('no KPI slide');
    expect(kpis.cards.find((c) => c.label === 'Impressions')!.delta).toBeUndefined();
    expect(kpis.cards.find((c) => c.label === 'Average sentiment')!.delta).toBeUndefined();
  });
});
