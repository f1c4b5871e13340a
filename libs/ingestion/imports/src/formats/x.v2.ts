import type { ExportFormat } from './export-format.ts';

/** X "account_analytics_content" export from the post-2023 analytics page (x.com/i/account_analytics). */
export const xAccountAnalyticsContentV2: ExportFormat = {
  id: 'x-account-analytics-content',
  version: 2,
  family: 'x',
  network: 'x',
  name: 'X account analytics content export',
  notes: [
    'No real file in the shared samples: header taken from the product issue and public parsers of the file (Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks).',
    'Date holds a day only ("Tue, Jul 14, 2026"); the minute is read from the post id (a snowflake) when it falls on that day, ±1 day for the unknown zone of the Date column.',
    'Tweets are "posts" and retweets "reposts" here: the metric renames are why this is a separate version.',
    'shares is Reposts; the Shares column (sends through the share sheet) is not added to it.',
    'Not mapped: New follows (an account metric), Detail Expands, Hashtag Clicks, Permalink Clicks.',
  ],
  locales: { en: { dateFormats: ['ddd, MMM D, YYYY', 'MMM D, YYYY', 'ISO'], decimalSeparator: '.' } },
  columns: {
    networkPostId: { en: ['Post id'] },
    publishedAt: { en: ['Date'] },
    text: { en: ['Post text'] },
    link: { en: ['Post Link'] },
    impressions: { en: ['Impressions'] },
    likes: { en: ['Likes'] },
    engagements: { en: ['Engagements'] },
    saves: { en: ['Bookmarks'] },
    shares: { en: ['Reposts'] },
    comments: { en: ['Replies'] },
    profileClicks: { en: ['Profile visits'] },
    linkClicks: { en: ['URL Clicks'] },
  },
  required: ['networkPostId', 'publishedAt', 'text', 'impressions'],
  idPattern: /^\d{1,20}$/,
  idTimestamp: 'x-snowflake',
  defaultContentType: 'text',
};
