import type { ExportFormat } from './export-format.ts';

/** LinkedIn Page analytics › Content › Export, "All posts" sheet saved as CSV. */
export const linkedinContentV1: ExportFormat = {
  id: 'linkedin-page-content',
  version: 1,
  family: 'linkedin',
  network: 'linkedin',
  name: 'LinkedIn page content export',
  notes: [
    'No real file in the shared samples: header taken from public parsers of the export (Post title,Post link,Post type,Campaign name,Posted by,Created date,Campaign start date,Campaign end date,Audience,Impressions,Views (excluding off-site video views),Offsite Views,Clicks,Click through rate (CTR),Likes,Comments,Reposts,Follows,Engagement rate,Content Type). Older files say Date, Shares and Followers.',
    'LinkedIn exports an .xls workbook; the sheet must be saved as CSV. A title row above the header is skipped.',
    'There is no id column: the id is the URN in Post link (urn:li:activity:…).',
    'Created date is a day ("MM/DD/YYYY"); the minute comes from the activity id when it falls on that day.',
    'linkClicks is Clicks, which LinkedIn counts as clicks on the post, the company name or the logo.',
    'Not mapped: Click through rate and Engagement rate (ratios), Follows (an account metric), Offsite Views, Audience.',
  ],
  locales: { en: { dateFormats: ['M/D/YYYY', 'M/D/YYYY H:mm', 'ISO'], decimalSeparator: '.' } },
  columns: {
    text: { en: ['Post title', 'Update title'] },
    link: { en: ['Post link', 'Update link'] },
    publishedAt: { en: ['Created date', 'Date', 'Posted on'] },
    contentType: { en: ['Content Type'] },
    campaign: { en: ['Campaign name'] },
    impressions: { en: ['Impressions'] },
    videoViews: { en: ['Views (excluding off-site video views)', 'Views'] },
    linkClicks: { en: ['Clicks'] },
    likes: { en: ['Likes', 'Reactions'] },
    comments: { en: ['Comments'] },
    shares: { en: ['Reposts', 'Shares'] },
  },
  required: ['link', 'publishedAt', 'impressions'],
  idFromLink: /(urn:li:(?:activity|share|ugcPost):\d+)/,
  idTimestamp: 'linkedin-activity',
  defaultContentType: 'text',
};
