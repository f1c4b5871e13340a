import type { Deck } from './slide.model.ts';

/** Mention text from the public written to break out of every HTML context it could land in. */
export const HOSTILE_TEXT = `</script><script>window.__deckPwned = 1</script><img src=x onerror="window.__deckPwned = 2"> "Tom & Jerry's" <b>bold</b>`;

/** A monthly report deck using every slide kind, as the deck-builder would assemble it. */
export function sampleDeck(overrides: Partial<Deck> = {}): Deck {
  return {
    title: 'Social performance — May 2026',
    language: 'en',
    theme: 'white',
    slides: [
      {
        kind: 'title',
        title: 'Social performance report',
        subtitle: 'Instagram, LinkedIn and TikTok',
        period: 'May 2026',
        audience: 'VP Marketing',
        notes: 'Welcome everyone.\n\nThe short version: reach is up, response time is down.',
      },
      {
        kind: 'kpis',
        title: 'May at a glance',
        cards: [
          {
            label: 'Impressions',
            value: 1_284_000,
            format: 'integer',
            compact: true,
            delta: { value: 0.124, direction: 'up', goodWhen: 'up', label: 'vs. April' },
          },
          {
            label: 'Engagement rate',
            value: 0.0462,
            format: 'percent',
            delta: { value: 0.003, format: 'percent', direction: 'up', goodWhen: 'up', label: 'vs. April' },
          },
          { label: 'New followers', value: 3_912, format: 'integer', delta: { value: 0.041, direction: 'down', goodWhen: 'up', label: 'vs. April' } },
          {
            label: 'Median response time',
            value: 2_460,
            format: 'duration',
            delta: { value: 0.18, direction: 'down', goodWhen: 'down', label: 'vs. April' },
            hint: 'Time to first reply on mentions that needed one',
          },
        ],
        notes: 'Impressions are driven by the Reels campaign in week 2.',
      },
      {
        kind: 'chart',
        title: 'Engagements by network',
        type: 'bar',
        labels: ['Instagram', 'LinkedIn', 'TikTok', 'Facebook'],
        series: [
          { name: 'April', values: [18_200, 9_400, 12_900, 4_100] },
          { name: 'May', values: [21_500, 10_100, 16_800, 3_700] },
        ],
        valueFormat: 'integer',
        caption: 'Likes, comments, shares and saves on owned posts.',
      },
      {
        kind: 'chart',
        title: 'Daily reach',
        type: 'line',
        labels: ['1 May', '8 May', '15 May', '22 May', '29 May'],
        series: [{ name: 'Reach', values: [41_000, 58_500, 52_300, 61_900, 66_400] }],
        valueFormat: 'integer',
      },
      {
        kind: 'chart',
        title: 'Share of voice',
        type: 'doughnut',
        labels: ['Us', 'Competitor A', 'Competitor B', 'Others'],
        series: [{ name: 'Mentions', values: [4_210, 3_150, 1_980, 860] }],
        valueFormat: 'integer',
      },
      { kind: 'section', title: 'What people said', subtitle: 'Listening highlights' },
      {
        kind: 'quotes',
        title: 'Voices from the community',
        quotes: [
          { text: 'The new onboarding flow is so much smoother — finally!', author: '@mara_builds', network: 'Instagram', sentiment: 'positive' },
          { text: HOSTILE_TEXT, author: '@<script>alert(1)</script>', network: 'TikTok', sentiment: 'negative' },
          { text: 'Prices went up again, but support answered within the hour.', author: 'Jonas K.', network: 'LinkedIn', sentiment: 'mixed' },
        ],
        notes: 'Quotes are verbatim; one was flagged for moderation.',
      },
      {
        kind: 'narrative',
        kicker: 'The story of May',
        headline: 'Reels carried reach; replies got faster',
        paragraphs: [
          'Reach grew 12% on the back of three Reels that each passed 200k views in week 2.',
          'It matters because reach from Reels converts to followers at twice the rate of static posts.',
          'Next: two Reels a week in June, and the same reply rota for weekends.',
        ],
      },
      {
        kind: 'table',
        title: 'Top posts',
        columns: ['Post', 'Network', { label: 'Reach', format: 'integer' }, { label: 'Eng. rate', format: 'percent' }],
        rows: [
          ['Behind the scenes: launch day', 'Instagram', 212_400, 0.071],
          ['Hiring: senior designer', 'LinkedIn', 48_900, 0.052],
          ['Product tip #14', 'TikTok', 156_000, 0.064],
          ['Customer story: Acme', 'LinkedIn', 31_200, null],
        ],
      },
      {
        kind: 'bullets',
        title: 'Next steps',
        items: ['Two Reels a week through June', 'Weekend reply rota continues', 'Test LinkedIn carousels for hiring posts'],
        ordered: true,
      },
    ],
    ...overrides,
  };
}
