import { Type, type Static } from 'typebox';

import { Counter, literalUnion, NetworkIdSchema, NetworkSchema, Timestamp } from './common.ts';
import { SentimentLabelSchema } from './mention.ts';

/** What rose far above its baseline: the number of mentions, or the share of them that is negative. */
export const ALERT_KINDS = ['volume_spike', 'negative_share_spike'] as const;
export const AlertKindSchema = literalUnion(ALERT_KINDS);
export type AlertKind = Static<typeof AlertKindSchema>;

/** One mention behind an alert, as evidence a person can read. */
export const AlertEvidenceMentionSchema = Type.Object(
  {
    network: NetworkSchema,
    networkMentionId: NetworkIdSchema,
    text: Type.String({ maxLength: 1_000, description: 'The first 1,000 characters' }),
    occurredAt: Timestamp,
    label: SentimentLabelSchema,
  },
  { additionalProperties: false },
);
export type AlertEvidenceMention = Static<typeof AlertEvidenceMentionSchema>;

/**
 * A spike in one time bucket of one workspace. The event id is the alert id, derived from the
 * workspace, the kind and the bucket, so one spike is one alert however often it is detected.
 */
export const ListeningAlertPayloadSchema = Type.Object(
  {
    kind: AlertKindSchema,
    bucket: Type.Object(
      {
        start: Timestamp,
        end: Timestamp,
      },
      { additionalProperties: false, description: 'The time bucket that spiked, end exclusive' },
    ),
    observed: Type.Number({ minimum: 0, description: 'Mentions in the bucket, or the negative share of its scored mentions (0..1)' }),
    baseline: Type.Number({ minimum: 0, description: 'The same measure over the trailing buckets: median volume, or pooled negative share' }),
    score: Type.Number({ description: 'How far above the baseline, in (robust) standard deviations' }),
    threshold: Type.Number({ description: 'The score an alert needs' }),
    mentions: Counter({ description: 'Mentions in the bucket' }),
    negatives: Counter({ description: 'Negative mentions in the bucket' }),
    baselineBuckets: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Trailing buckets the baseline was computed from' }),
    evidence: Type.Object(
      {
        mentions: Type.Array(AlertEvidenceMentionSchema, { maxItems: 50 }),
        total: Counter({ description: 'Mentions behind the alert; the list holds the first 50' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ListeningAlertPayload = Static<typeof ListeningAlertPayloadSchema>;
