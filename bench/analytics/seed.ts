/**
 * Seeds the analytics tables of one schema inside PostgreSQL (INSERT … SELECT FROM generate_series):
 * sending 10 million readings through the API would take hours. The rows are what the store
 * consumer writes (see libs/analytics/data-access/prisma/schema.prisma): posts spread over
 * 2025-10-01 … 2026-06-30 on four networks, each with readings at growing intervals after it is
 * published and counters that grow; mentions and daily follower counts beside them.
 *
 * Every value is a function of the row's number (md5-derived), so two runs of the same size seed
 * the same data. Rows go in the order they would arrive: posts by publishing time, readings by
 * capture time, so one post's readings are spread over the table as in production.
 */
import type pg from 'pg';

export interface SeedSizes {
  posts: number;
  snapshotsPerPost: number;
  workspaces: number;
  mentions: number;
}

export interface SeedStep {
  step: string;
  rows: number;
  ms: number;
}

export const NETWORKS = ['x', 'linkedin', 'instagram', 'facebook'] as const;
export const CONTENT_TYPES = ['text', 'image', 'video', 'link', 'carousel', 'reel'] as const;
export const TAGS = ['launch', 'tips', 'hiring', 'events', 'product', 'community'] as const;
export const CAMPAIGNS = ['spring-launch', 'summer', 'holiday', 'brand', 'hiring-drive'] as const;
export const PROFILES = ['brand', 'brand-2'] as const;
export const SEED_FROM = '2025-10-01T00:00:00Z';
export const SEED_TO = '2026-07-01T00:00:00Z';

/** The name of workspace `i` (0-based), as seeded. */
export const workspaceName = (i: number) => `ws-${String(i).padStart(3, '0')}`;

const textArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
/** A non-negative 28-bit number from hex digits [from, from + 7) of an md5 named `h`. */
const bits = (h: string, from: number) => `('x' || substr(${h}, ${from}, 7))::bit(28)::int`;

export async function seed(client: pg.Client, schema: string, sizes: SeedSizes, log: (line: string) => void): Promise<SeedStep[]> {
  const { posts, snapshotsPerPost, workspaces, mentions } = sizes;
  const steps: SeedStep[] = [];
  const t = (name: string) => `"${schema}"."${name}"`;
  const run = async (step: string, sql: string): Promise<void> => {
    log(`  ${step}…`);
    const started = performance.now();
    const result = await client.query(sql);
    const ms = performance.now() - started;
    steps.push({ step, rows: result.rowCount ?? 0, ms });
    log(`  ${step}: ${(result.rowCount ?? 0).toLocaleString('en-US')} rows in ${(ms / 1000).toFixed(1)} s`);
  };

  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '1GB'`);

  // Spread evenly in time (minus an hour for the jitter), workspaces interleaved.
  const spanSeconds = (Date.parse(SEED_TO) - Date.parse(SEED_FROM)) / 1000 - 3600;
  await run(
    'posts',
    `INSERT INTO ${t('posts')} (id, workspace_id, network, network_post_id, profile_id, published_at, text, link, content_type, tags, campaign, updated_at)
     SELECT md5('post-' || i)::uuid,
            'ws-' || lpad((i % ${workspaces})::text, 3, '0'),
            (${textArray(NETWORKS)})[1 + r1 % ${NETWORKS.length}],
            'bench-' || i,
            (${textArray(PROFILES)})[1 + r2 % ${PROFILES.length}],
            timestamptz '${SEED_FROM}' + make_interval(secs => floor(i::float8 * ${spanSeconds} / ${posts}) + r3 % 3600),
            'Bench post ' || i || ': what the team shipped this week #herald',
            CASE WHEN (${textArray(CONTENT_TYPES)})[1 + r2 % ${CONTENT_TYPES.length}] = 'link' THEN 'https://example.com/p/' || i END,
            (${textArray(CONTENT_TYPES)})[1 + r2 % ${CONTENT_TYPES.length}],
            array_remove(ARRAY[${TAGS.map((tag, k) => `CASE WHEN (r4 >> ${2 * k}) % 4 = 0 THEN '${tag}' END`).join(', ')}]::text[], NULL),
            CASE WHEN r5 % 10 < 4 THEN (${textArray(CAMPAIGNS)})[1 + r5 % ${CAMPAIGNS.length}] END,
            now()
     FROM (SELECT i, ${bits('h', 1)} AS r1, ${bits('h', 8)} AS r2, ${bits('h', 15)} AS r3, ${bits('h', 22)} AS r4, ${bits('h', 26)} AS r5
           FROM (SELECT i, md5(i::text) AS h FROM generate_series(0, ${posts - 1}) AS i) AS g) AS r`,
  );

  // The primary key and the foreign key are dropped for the load and put back as the migration
  // made them: building an index once is far faster than 10M inserts into a random uuid b-tree.
  await client.query(`ALTER TABLE ${t('metric_snapshots')} DROP CONSTRAINT "metric_snapshots_post_id_fkey", DROP CONSTRAINT "metric_snapshots_pkey"`);
  // Reading k at k² × 12 h after publishing (12 h, 2 d, 4.5 d … 50 d for k = 10), so the readings
  // of the last weeks of a quarter fall after its settling cutoff; counters grow as 1 − 0.6^k.
  // LinkedIn reports no engagements (only their parts), X no reach; saves only on Instagram.
  await run(
    'metric_snapshots',
    `INSERT INTO ${t('metric_snapshots')} (post_id, captured_at, impressions, reach, engagements, likes, comments, shares, saves, link_clicks, profile_clicks, video_views, watch_time_seconds)
     SELECT id, captured_at,
            imp,
            CASE WHEN network <> 'x' THEN floor(imp * 0.72)::bigint END,
            CASE WHEN network <> 'linkedin' THEN eng END,
            floor(eng * 0.7)::bigint,
            floor(eng * 0.15)::bigint,
            floor(eng * 0.1)::bigint,
            CASE WHEN network = 'instagram' THEN floor(eng * 0.05)::bigint END,
            CASE WHEN content_type = 'link' THEN floor(imp * 0.01)::bigint END,
            floor(imp * 0.002)::bigint,
            CASE WHEN content_type IN ('video', 'reel') THEN floor(imp * 0.4)::bigint END,
            CASE WHEN content_type IN ('video', 'reel') THEN floor(imp * 0.4 * 12)::bigint END
     FROM (
       SELECT p.id, p.network, p.content_type,
              p.published_at + make_interval(hours => k * k * 12, mins => p.r % 60) AS captured_at,
              floor(p.base * (1 - 0.6 ^ k))::bigint AS imp,
              floor(floor(p.base * (1 - 0.6 ^ k)) * p.rate)::bigint AS eng
       FROM (SELECT id, network, content_type, published_at, r,
                    200 + r % 20000 + CASE WHEN r % 997 = 0 THEN 2000000 ELSE 0 END AS base,
                    0.005 + ((r >> 8) % 80) / 1000.0 AS rate
             FROM (SELECT id, network, content_type, published_at, ${bits('md5(id::text)', 1)} AS r FROM ${t('posts')}) AS q) AS p
       CROSS JOIN generate_series(1, ${snapshotsPerPost}) AS k
     ) AS s
     ORDER BY captured_at`,
  );
  await run(
    'metric_snapshots primary key',
    `ALTER TABLE ${t('metric_snapshots')} ADD CONSTRAINT "metric_snapshots_pkey" PRIMARY KEY ("post_id", "captured_at")`,
  );
  await run(
    'metric_snapshots foreign key',
    `ALTER TABLE ${t('metric_snapshots')} ADD CONSTRAINT "metric_snapshots_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES ${t('posts')}("id") ON DELETE CASCADE ON UPDATE CASCADE`,
  );

  // Mentions: 60 % mentions, 30 % comments, 10 % messages; two thirds of the conversations answered.
  await run(
    'mentions',
    `INSERT INTO ${t('mentions')} (id, workspace_id, network, network_mention_id, kind, author, text, language, occurred_at, replied_at,
                                   sentiment_score, sentiment_label, scored, analyzed_at)
     SELECT md5('mention-' || i)::uuid, 'ws-' || lpad((i % ${workspaces})::text, 3, '0'),
            (${textArray(NETWORKS)})[1 + r1 % ${NETWORKS.length}], 'bench-m-' || i, kind, '@user' || (r2 % 5000),
            'Bench mention ' || i, 'en', occurred_at,
            CASE WHEN kind <> 'mention' AND r2 % 3 <> 0 THEN occurred_at + make_interval(mins => 5 + r3 % 600) END,
            score, CASE WHEN score > 0.25 THEN 'positive' WHEN score < -0.25 THEN 'negative' ELSE 'neutral' END,
            r3 % 10 <> 0, occurred_at
     FROM (SELECT i, r1, r2, r3,
                  CASE WHEN r1 % 10 < 6 THEN 'mention' WHEN r1 % 10 < 9 THEN 'comment' ELSE 'direct_message' END AS kind,
                  timestamptz '${SEED_FROM}' + make_interval(secs => floor(i::float8 * ${spanSeconds} / ${Math.max(1, mentions)}) + r3 % 3600) AS occurred_at,
                  ((r2 >> 4) % 201 - 100) / 100.0 AS score
           FROM (SELECT i, ${bits('h', 1)} AS r1, ${bits('h', 8)} AS r2, ${bits('h', 15)} AS r3
                 FROM (SELECT i, md5('m' || i) AS h FROM generate_series(0, ${mentions - 1}) AS i) AS g) AS r) AS m`,
  );

  // One count per profile and day, a month either side of the posts, growing a little each day.
  await run(
    'follower_counts',
    `INSERT INTO ${t('follower_counts')} (workspace_id, network, profile_id, date, followers, updated_at)
     SELECT 'ws-' || lpad(w::text, 3, '0'), n, pr, d::date,
            10000 + w * 1000 + length(n) * 500 + (d::date - date '2025-09-01') * (5 + w % 7), now()
     FROM generate_series(0, ${workspaces - 1}) AS w,
          unnest(${textArray(NETWORKS)}) AS n,
          unnest(${textArray(PROFILES)}) AS pr,
          generate_series(date '2025-09-01', date '2026-07-31', interval '1 day') AS d`,
  );

  // What autovacuum would have done by the time anyone reads a quarter: statistics and the visibility map.
  for (const table of ['posts', 'metric_snapshots', 'mentions', 'follower_counts']) await run(`VACUUM ANALYZE ${table}`, `VACUUM (ANALYZE) ${t(table)}`);
  return steps;
}
