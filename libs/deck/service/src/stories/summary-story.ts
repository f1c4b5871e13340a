import type { AnalyticsSummary } from '@herald/analytics-client';
import type { Deck, KpiCard, Slide } from '@herald/deck-slides';

export interface SummaryStoryInput {
  current: AnalyticsSummary;
  previous: AnalyticsSummary;
  audience: string;
  periodLabel: string;
  previousLabel: string;
}

type Key = 'posts' | 'impressions' | 'engagements' | 'engagementRate' | 'mentions' | 'averageSentiment';

/** Change as a ratio of the previous value; null when there is nothing to compare against. */
function relativeChange(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** Counts compare as relative change; rates and scores as the difference itself (points). */
const ABSOLUTE: ReadonlySet<Key> = new Set<Key>(['engagementRate', 'averageSentiment']);

function card(input: SummaryStoryInput, key: Key, label: string, format: KpiCard['format'], hint?: string): KpiCard {
  const value = input.current[key] ?? 0;
  const absolute = ABSOLUTE.has(key);
  const current = input.current[key];
  const previous = input.previous[key];
  const change = absolute ? (current != null && previous != null ? current - previous : null) : relativeChange(current, previous);
  const flatBelow = key === 'averageSentiment' ? 0.01 : absolute ? 0.0005 : 0.005;
  return {
    label,
    value,
    format,
    ...(hint ? { hint } : {}),
    ...(change == null
      ? {}
      : {
          delta: {
            value: change,
            format: key === 'averageSentiment' ? 'decimal' : 'percent',
            direction: change > flatBelow ? 'up' : change < -flatBelow ? 'down' : 'flat',
            goodWhen: 'up',
            label: `vs. ${input.previousLabel}`,
          },
        }),
  };
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** Sentences that interpret the numbers: what moved, by how much, and what to look at next. */
export function narrate(input: SummaryStoryInput): { headline: string; paragraphs: string[]; nextSteps: string[] } {
  const { current, previous } = input;
  const paragraphs: string[] = [];
  const nextSteps: string[] = [];
  const reach = relativeChange(current.impressions, previous.impressions);
  const rate = current.engagementRate;
  const prevRate = previous.engagementRate;

  let headline: string;
  if (current.posts === 0) {
    headline = `No posts were published in ${input.periodLabel}`;
    nextSteps.push("Import this period's posts, or check that the network exports cover it.");
  } else if (reach != null && reach >= 0.1) {
    headline = `Reach grew ${pct(reach)} in ${input.periodLabel}`;
  } else if (reach != null && reach <= -0.1) {
    headline = `Reach fell ${pct(-reach)} in ${input.periodLabel}`;
  } else {
    headline = `${current.posts} posts reached ${current.impressions.toLocaleString('en-US')} impressions in ${input.periodLabel}`;
  }

  if (current.posts > 0) {
    paragraphs.push(
      `${current.posts} posts earned ${current.engagements.toLocaleString('en-US')} engagements on ${current.impressions.toLocaleString('en-US')} impressions` +
        (rate != null ? `, an engagement rate of ${pct(rate)}` : '') +
        (rate != null && prevRate != null
          ? ` (${previous.engagementRate != null && rate >= prevRate ? 'up from' : 'down from'} ${pct(prevRate)} in ${input.previousLabel}).`
          : '.'),
    );
    if (rate != null && prevRate != null && rate < prevRate) nextSteps.push('Look at which formats lost engagement and test new hooks on them next period.');
    if (rate != null && prevRate != null && rate >= prevRate) nextSteps.push('Double down on the formats that lifted engagement this period.');
  }
  if (current.mentions > 0) {
    const mood =
      current.averageSentiment == null
        ? 'could not be scored'
        : current.averageSentiment > 0.05
          ? 'leaned positive'
          : current.averageSentiment < -0.05
            ? 'leaned negative'
            : 'was neutral on balance';
    paragraphs.push(
      `People mentioned the brand ${current.mentions} times; the conversation ${mood}` +
        (current.averageSentiment != null ? ` (average sentiment ${current.averageSentiment.toFixed(2)} on a −1 to 1 scale).` : '.'),
    );
    if (current.averageSentiment != null && current.averageSentiment < -0.05)
      nextSteps.push('Read the negative mentions with support and product; answer the recurring complaints publicly.');
  } else {
    paragraphs.push('No mentions were received in this period.');
  }
  if (nextSteps.length === 0) nextSteps.push('Keep the cadence and compare again next period.');
  return { headline, paragraphs, nextSteps };
}

export function buildSummaryDeck(input: SummaryStoryInput): Deck {
  const story = narrate(input);
  const slides: Slide[] = [
    { kind: 'title', title: 'Social performance', subtitle: story.headline, period: input.periodLabel, audience: input.audience },
    {
      kind: 'kpis',
      title: 'The period at a glance',
      cards: [
        card(input, 'impressions', 'Impressions', 'integer'),
        card(input, 'engagements', 'Engagements', 'integer'),
        card(input, 'engagementRate', 'Engagement rate', 'percent'),
        card(input, 'posts', 'Posts published', 'integer'),
        card(input, 'mentions', 'Mentions received', 'integer'),
        card(input, 'averageSentiment', 'Average sentiment', 'decimal', '−1 (negative) to 1 (positive)'),
      ],
      notes: story.paragraphs.join('\n\n'),
    },
    {
      kind: 'chart',
      title: `${input.periodLabel} against ${input.previousLabel}`,
      type: 'bar',
      labels: ['Impressions', 'Engagements'],
      series: [
        { name: input.previousLabel, values: [input.previous.impressions, input.previous.engagements] },
        { name: input.periodLabel, values: [input.current.impressions, input.current.engagements] },
      ],
      valueFormat: 'decimal',
    },
    { kind: 'narrative', kicker: 'What happened', headline: story.headline, paragraphs: story.paragraphs },
    { kind: 'bullets', title: 'Next steps', items: story.nextSteps },
  ];
  return { title: `Social performance — ${input.periodLabel}`, language: 'en', slides };
}
