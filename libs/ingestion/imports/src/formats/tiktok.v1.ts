import type { ExportFormat } from './export-format.ts';

/** TikTok Studio › Analytics › Content › Download data, per-video list. */
export const tiktokContentV1: ExportFormat = {
  id: 'tiktok-studio-content',
  version: 1,
  family: 'tiktok',
  network: 'tiktok',
  name: 'TikTok Studio content export',
  notes: [
    'No real file in the shared samples: header taken from public parsers of the export (Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views, and in some files Total play time,Average watch time,Watched full video,Add to favorites,Reached audience).',
    'There is no id column: the id is the number in Video link (/video/<id>).',
    'Post time appears both with and without a time of day; without one, the minute comes from the video id (its high 32 bits are the Unix time).',
    'Counts abbreviated in the UI ("1.2K") are rejected: they are not exact.',
    'Not mapped: Average watch time and Watched full video (ratios/averages); Total play time, whose unit the export does not state.',
  ],
  locales: { en: { dateFormats: ['YYYY-MM-DD H:mm:ss', 'YYYY-MM-DD H:mm', 'ISO', 'M/D/YYYY H:mm', 'M/D/YYYY', 'MMM D, YYYY'], decimalSeparator: '.' } },
  columns: {
    text: { en: ['Video title', 'Video description'] },
    link: { en: ['Video link'] },
    publishedAt: { en: ['Post time', 'Posted on'] },
    videoViews: { en: ['Total views', 'Video views'] },
    likes: { en: ['Total likes', 'Likes'] },
    comments: { en: ['Total comments', 'Comments'] },
    shares: { en: ['Total shares', 'Shares'] },
    saves: { en: ['Add to favorites', 'Total saves'] },
    reach: { en: ['Reached audience'] },
  },
  required: ['link', 'publishedAt', 'videoViews'],
  idFromLink: /\/video\/(\d+)/,
  idTimestamp: 'tiktok-video',
  defaultContentType: 'video',
};
