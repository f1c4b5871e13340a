import { createSampleData } from '../sample/index.ts';

/** Sends the bundled sample through the real ingestion API, as a user's own data would come in. */
export async function loadSampleData(options: { ingestionUrl: string; apiKey: string; now: Date }): Promise<{ posts: number; mentions: number }> {
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
