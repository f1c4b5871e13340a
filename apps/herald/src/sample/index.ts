export {
  createSampleData,
  DEFAULT_SAMPLE_SEED,
  SAMPLE_CAMPAIGNS,
  type CreateSampleDataOptions,
  type MentionItem,
  type PostItem,
  type SampleData,
} from './create-sample-data.ts';
export { describeSampleStory, HISTORY_DAYS, type SampleStory } from './sample-story.ts';
