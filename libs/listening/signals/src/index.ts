export { compileBrandMatcher, normaliseForMatching, type BrandKeywords, type BrandMatch, type BrandMatcher } from './brand-matcher.ts';
export {
  sentimentSplit,
  shareOfVoice,
  type BrandKind,
  type BrandVoice,
  type SentimentSplit,
  type ShareOfVoice,
  type VoiceBrand,
  type VoiceMention,
  type VoicePeriod,
} from './share-of-voice.ts';
export {
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  median,
  spikeAlertId,
  type DetectSpikesInput,
  type Spike,
  type SpikeOptions,
  type SpikeSeriesBucket,
} from './spikes.ts';
export { BUCKET_MS, bucketStartOf, type BucketSize } from './time-buckets.ts';
