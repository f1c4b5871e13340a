export { stopWordsFor } from './stop-words.ts';
export { contentRuns, DEFAULT_MENTION_KEYWORDS, extractTerms, MAX_PHRASE_WORDS, MAX_TOPIC_CHARS, mentionKeywords } from './terms.ts';
export {
  keywordsByPeriod,
  topicBucketStart,
  topTopics,
  trendingTopics,
  type PeriodKeywords,
  type TopicBucket,
  type TopicCount,
  type TopicMention,
  type TopicOptions,
  type TrendingTopic,
} from './topics.ts';
