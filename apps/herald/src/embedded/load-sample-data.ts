import { createSampleData } from '../sample/index.ts';

/** Sends the bundled sample through the real ingestion API, as a user's own data would come in. */
/** The sample company and its competitors, so share of voice has something to compare. */
const SAMPLE_BRANDS = [
  {
    name: 'Lumen',
    kind: 'own',
    keywords: ['@lumenapp', 'lumen app', '#lumen'],
    products: ['Lumen 3.0', 'Lumen Boards'],
    campaigns: ['#PlanBetter'],
    excludes: ['lumens'],
  },
  { name: 'Taskly', kind: 'competitor', keywords: ['@taskly'], products: [], campaigns: [], excludes: [] },
  { name: 'Boardwise', kind: 'competitor', keywords: ['@boardwise'], products: [], campaigns: [], excludes: [] },
];

export async function loadSampleData(options: {
  ingestionUrl: string;
  listeningUrl: string;
  apiKey: string;
  workspaceId: string;
  now: Date;
}): Promise<{ posts: number; mentions: number }> {
  for (const brand of SAMPLE_BRANDS) {
    const res = await fetch(`${options.listeningUrl}/v1/listening/brands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
      body: JSON.stringify(brand),
    });
    if (!res.ok && res.status !== 409) throw new Error(`creating the sample brand ${brand.name} failed: ${res.status} ${await res.text()}`);
  }
  const sample = createSampleData({ now: options.now });
  const send = async (path: string, items: unknown[]) => {
    const res = await fetch(`${options.ingestionUrl}${path}?atomic=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
      body: JSON.stringify({ items }),
    });
    if (!res.ok) throw new Error(`loading the sample data failed: ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { accepted: number };
  };
  const posts = await send('/v1/posts:batch', sample.posts);
  const mentions = await send('/v1/mentions:batch', sample.mentions);
  return { posts: posts.accepted, mentions: mentions.accepted };
}
