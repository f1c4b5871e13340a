import type { ExportFormat } from './export-format.ts';

/** X (Twitter) "Tweet activity" export from analytics.twitter.com, 2014 – 2023: 40 columns, one row per tweet. */
export const xTweetActivityV1: ExportFormat = {
  id: 'x-tweet-activity',
  version: 1,
  family: 'x',
  network: 'x',
  name: 'X tweet activity export',
  notes: [
    'Header checked against real exports (rOpenSci, 2017 – 2021): "Tweet id","Tweet permalink","Tweet text","time","impressions",…, 40 columns.',
    'time is "2017-01-31 22:13 +0000": minute precision, always UTC.',
    'Counts from impressions to permalink clicks are written as floats ("2633.0"); the others as integers.',
    'promoted * columns hold "-" for organic tweets and are not imported: whether the organic columns include paid delivery is not documented.',
    'Not mapped: engagement rate (a ratio, recomputed from counts), hashtag clicks, detail expands, permalink clicks, app opens/installs, follows, email tweet, dial phone.',
    'media views counts image views too, so it is not mapped to videoViews.',
    'The export does not say whether a tweet holds media; contentType is "text".',
  ],
  locales: { en: { dateFormats: ['YYYY-MM-DD HH:mm Z', 'ISO'], decimalSeparator: '.' } },
  columns: {
    networkPostId: { en: ['Tweet id'] },
    link: { en: ['Tweet permalink'] },
    text: { en: ['Tweet text'] },
    publishedAt: { en: ['time'] },
    impressions: { en: ['impressions'] },
    engagements: { en: ['engagements'] },
    shares: { en: ['retweets'] },
    comments: { en: ['replies'] },
    likes: { en: ['likes'] },
    profileClicks: { en: ['user profile clicks'] },
    linkClicks: { en: ['url clicks'] },
  },
  required: ['networkPostId', 'publishedAt', 'text', 'impressions'],
  idPattern: /^\d{1,20}$/,
  defaultContentType: 'text',
};
