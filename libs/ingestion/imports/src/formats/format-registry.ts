import type { ExportFormat } from './export-format.ts';
import { facebookPostsV1 } from './facebook.v1.ts';
import { instagramPostsV1 } from './instagram.v1.ts';
import { linkedinContentV1 } from './linkedin.v1.ts';
import { tiktokContentV1 } from './tiktok.v1.ts';
import { xTweetActivityV1 } from './x.v1.ts';
import { xAccountAnalyticsContentV2 } from './x.v2.ts';

/** Every native export Herald recognises. Add a version file and list it here when a network changes its export. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  xTweetActivityV1,
  xAccountAnalyticsContentV2,
  facebookPostsV1,
  instagramPostsV1,
  linkedinContentV1,
  tiktokContentV1,
];
