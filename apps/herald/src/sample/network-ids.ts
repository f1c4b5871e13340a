import type { SeededRandom } from './seeded-random.ts';

const X_EPOCH_MS = 1_288_834_974_657n;

/**
 * Ids shaped like each network's own, so the sample looks like a real export. X and LinkedIn ids
 * carry their creation time in the high bits (and so sort by time); the rest are opaque.
 * Each factory hands out an id at most once.
 */
export interface NetworkIds {
  /** X snowflake: milliseconds since X's epoch above 22 random bits (19 digits for any recent date). */
  x(atMs: number): string;
  /** LinkedIn URN, e.g. `urn:li:share:7301…`: Unix milliseconds above 22 random bits. */
  linkedin(type: 'share' | 'activity' | 'message', atMs: number): string;
  linkedinComment(parentUrn: string, atMs: number): string;
  instagram(type: 'media' | 'comment' | 'message'): string;
  /** TikTok id: Unix seconds above 32 random bits (19 digits starting with 7). */
  tiktok(atMs: number): string;
  review(site: 'g2' | 'capterra'): string;
}

export function createNetworkIds(random: SeededRandom): NetworkIds {
  const issued = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  };
  const bits = (count: number) => BigInt(random.int(0, 2 ** count - 1));
  const timeBased = (atMs: number) => String((BigInt(atMs) << 22n) | bits(22));
  const instagramPrefix = { media: 'ig_', comment: 'ig_c_', message: 'ig_dm_' } as const;
  return {
    x: (atMs) => unique(() => String(((BigInt(atMs) - X_EPOCH_MS) << 22n) | bits(22))),
    linkedin: (type, atMs) => unique(() => `urn:li:${type}:${timeBased(atMs)}`),
    linkedinComment: (parentUrn, atMs) => unique(() => `urn:li:comment:(${parentUrn},${timeBased(atMs)})`),
    instagram: (type) => unique(() => `${instagramPrefix[type]}${random.digits(17)}`),
    tiktok: (atMs) => unique(() => `tt_${(BigInt(Math.floor(atMs / 1000)) << 32n) | bits(32)}`),
    review: (site) => unique(() => `${site}_review_${random.digits(7)}`),
  };
}
