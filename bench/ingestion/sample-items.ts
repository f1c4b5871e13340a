/** A post item as a social team's tool would send it: text, link, tags and a metrics snapshot (~450 bytes as an event). */
export function benchPost(n: number, run: string) {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return {
    network: 'x' as const,
    networkPostId: `${run}-${n}`,
    profileId: 'heraldhq',
    publishedAt: at,
    text: `Release ${n}: faster imports, clearer errors and a new dashboard. Read the notes and tell us what you think #herald #release`,
    link: `https://example.com/notes/${n}`,
    contentType: 'link' as const,
    tags: ['release', 'product'],
    metrics: { capturedAt: at, impressions: 1000 + (n % 5000), likes: n % 97, comments: n % 13, shares: n % 7, linkClicks: n % 31 },
  };
}
