import { Prisma, type AnalyticsTransaction } from '@herald/analytics-data-access';
import type { EventOf, HeraldEvent } from '@herald/events';

export const ANALYTICS_CONSUMER = 'analytics';

type PostEvent = EventOf<'ingestion.post.published'> | EventOf<'ingestion.post.updated'>;
type MetricsEvent = EventOf<'ingestion.metrics.captured'>;
type MentionEvent = EventOf<'listening.mention.analyzed'>;
type FollowersEvent = EventOf<'ingestion.followers.counted'>;

export class UnknownPostError extends Error {
  readonly code = 'ANALYTICS_UNKNOWN_POST';
  readonly retriable = false;
  constructor(key: string) {
    super(`metrics for unknown post ${key}`);
    this.name = 'UnknownPostError';
  }
}

const postKey = (workspaceId: string, network: string, networkPostId: string) => `${workspaceId}\u001f${network}\u001f${networkPostId}`;

/** Keeps the last item per key: a later event about the same entity wins, as it would one by one. */
function lastByKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    map.delete(key);
    map.set(key, item);
  }
  return [...map.values()];
}

/**
 * Applies a batch of events to the reporting store in a handful of set-based statements, inside
 * the caller's transaction. Each event id is claimed first; events already processed (a
 * redelivery) are dropped, so the batch changes the store exactly once per event.
 */
export async function applyBatch(tx: AnalyticsTransaction, schema: string, events: readonly HeraldEvent[]): Promise<{ applied: number; duplicates: number }> {
  const table = (name: string) => Prisma.raw(`"${schema}"."${name}"`);
  const ids = [...new Set(events.map((e) => e.id))];
  const claimed = await tx.$queryRaw<{ event_id: string }[]>`
    INSERT INTO ${table('processed_events')} (event_id, consumer, processed_at)
    SELECT id::uuid, ${ANALYTICS_CONSUMER}, now() FROM unnest(${ids}::text[]) AS t(id)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id::text AS event_id`;
  const fresh = new Set(claimed.map((r) => r.event_id));
  // The same event twice in one batch counts once: keep its first occurrence.
  const seen = new Set<string>();
  const todo = events.filter((e) => fresh.has(e.id) && !seen.has(e.id) && seen.add(e.id));

  const posts = todo.filter((e): e is PostEvent => e.type === 'ingestion.post.published' || e.type === 'ingestion.post.updated');
  const metrics = todo.filter((e): e is MetricsEvent => e.type === 'ingestion.metrics.captured');
  const mentions = todo.filter((e): e is MentionEvent => e.type === 'listening.mention.analyzed');
  const followers = todo.filter((e): e is FollowersEvent => e.type === 'ingestion.followers.counted');

  const postIds = new Map<string, string>();
  if (posts.length > 0) {
    const rows = lastByKey(posts, (e) => postKey(e.workspaceId, e.payload.post.network, e.payload.post.networkPostId)).map((e) => {
      const p = e.payload.post;
      return {
        workspace_id: e.workspaceId,
        network: p.network,
        network_post_id: p.networkPostId,
        profile_id: p.profileId ?? null,
        published_at: p.publishedAt,
        source_time_zone: p.sourceTimeZone ?? null,
        text: p.text,
        link: p.link ?? null,
        content_type: p.contentType,
        tags: p.tags,
        campaign: p.campaign ?? null,
      };
    });
    const stored = await tx.$queryRaw<{ id: string; workspace_id: string; network: string; network_post_id: string }[]>`
      INSERT INTO ${table('posts')} (id, workspace_id, network, network_post_id, profile_id, published_at, source_time_zone, text, link, content_type, tags, campaign, created_at, updated_at)
      SELECT gen_random_uuid(), r.workspace_id, r.network, r.network_post_id, r.profile_id, r.published_at, r.source_time_zone, r.text, r.link, r.content_type,
             ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.campaign, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(workspace_id text, network text, network_post_id text, profile_id text, published_at timestamptz,
           source_time_zone text, text text, link text, content_type text, tags jsonb, campaign text)
      ON CONFLICT (workspace_id, network, network_post_id) DO UPDATE SET
        profile_id = EXCLUDED.profile_id, published_at = EXCLUDED.published_at, source_time_zone = EXCLUDED.source_time_zone, text = EXCLUDED.text,
        link = EXCLUDED.link, content_type = EXCLUDED.content_type, tags = EXCLUDED.tags, campaign = EXCLUDED.campaign, updated_at = now()
      RETURNING id::text AS id, workspace_id, network, network_post_id`;
    for (const r of stored) postIds.set(postKey(r.workspace_id, r.network, r.network_post_id), r.id);
  }

  const snapshots: { postKey: string; metrics: NonNullable<PostEvent['payload']['metrics']> }[] = [
    ...posts.flatMap((e) =>
      e.payload.metrics ? [{ postKey: postKey(e.workspaceId, e.payload.post.network, e.payload.post.networkPostId), metrics: e.payload.metrics }] : [],
    ),
    ...metrics.map((e) => ({ postKey: postKey(e.workspaceId, e.payload.network, e.payload.networkPostId), metrics: e.payload.metrics })),
  ];
  if (snapshots.length > 0) {
    const missing = [...new Set(snapshots.map((s) => s.postKey).filter((k) => !postIds.has(k)))];
    if (missing.length > 0) {
      const known = await tx.$queryRaw<{ id: string; workspace_id: string; network: string; network_post_id: string }[]>`
        SELECT p.id::text AS id, p.workspace_id, p.network, p.network_post_id
        FROM ${table('posts')} p JOIN unnest(${missing}::text[]) AS k(key) ON k.key = p.workspace_id || chr(31) || p.network || chr(31) || p.network_post_id`;
      for (const r of known) postIds.set(postKey(r.workspace_id, r.network, r.network_post_id), r.id);
    }
    const rows = snapshots.map(({ postKey: key, metrics: m }) => {
      const postId = postIds.get(key);
      // Ingestion accepts readings only for posts it knows, and a post's events share its partition,
      // so the post is stored first; if not, the event is dead-lettered, not guessed.
      if (!postId) throw new UnknownPostError(key.replaceAll('\u001f', ':'));
      return {
        post_id: postId,
        captured_at: m.capturedAt,
        impressions: m.impressions ?? null,
        reach: m.reach ?? null,
        engagements: m.engagements ?? null,
        likes: m.likes ?? null,
        comments: m.comments ?? null,
        shares: m.shares ?? null,
        saves: m.saves ?? null,
        link_clicks: m.linkClicks ?? null,
        profile_clicks: m.profileClicks ?? null,
        video_views: m.videoViews ?? null,
        watch_time_seconds: m.watchTimeSeconds ?? null,
      };
    });
    // History is kept: a snapshot is never overwritten, and the newest one gives the totals.
    await tx.$executeRaw`
      INSERT INTO ${table('metric_snapshots')} (post_id, captured_at, impressions, reach, engagements, likes, comments, shares, saves, link_clicks, profile_clicks, video_views, watch_time_seconds)
      SELECT r.post_id::uuid, r.captured_at, r.impressions, r.reach, r.engagements, r.likes, r.comments, r.shares, r.saves, r.link_clicks, r.profile_clicks, r.video_views, r.watch_time_seconds
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(post_id text, captured_at timestamptz, impressions bigint, reach bigint, engagements bigint, likes bigint, comments bigint,
           shares bigint, saves bigint, link_clicks bigint, profile_clicks bigint, video_views bigint, watch_time_seconds bigint)
      ON CONFLICT (post_id, captured_at) DO NOTHING`;
  }

  if (mentions.length > 0) {
    const rows = lastByKey(mentions, (e) => postKey(e.workspaceId, e.payload.mention.network, e.payload.mention.networkMentionId)).map((e) => {
      const { mention, sentiment, language, intent, topics } = e.payload;
      return {
        workspace_id: e.workspaceId,
        network: mention.network,
        network_mention_id: mention.networkMentionId,
        kind: mention.kind,
        author: mention.author ?? null,
        text: mention.text,
        language,
        occurred_at: mention.occurredAt,
        in_reply_to_post_id: mention.inReplyToPostId ?? null,
        replied_at: mention.repliedAt ?? null,
        sentiment_score: sentiment.score,
        sentiment_label: sentiment.label,
        scored: sentiment.scored,
        drivers: sentiment.drivers,
        intent: intent ?? null,
        topics,
        analyzed_at: e.occurredAt,
      };
    });
    await tx.$executeRaw`
      INSERT INTO ${table('mentions')} (id, workspace_id, network, network_mention_id, kind, author, text, language, occurred_at, in_reply_to_post_id, replied_at,
                                        sentiment_score, sentiment_label, scored, drivers, intent, topics, analyzed_at)
      SELECT gen_random_uuid(), r.workspace_id, r.network, r.network_mention_id, r.kind, r.author, r.text, r.language, r.occurred_at, r.in_reply_to_post_id, r.replied_at,
             r.sentiment_score, r.sentiment_label, r.scored, ARRAY(SELECT jsonb_array_elements_text(r.drivers)), r.intent, ARRAY(SELECT jsonb_array_elements_text(r.topics)), r.analyzed_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(workspace_id text, network text, network_mention_id text, kind text, author text, text text, language text,
           occurred_at timestamptz, in_reply_to_post_id text, replied_at timestamptz, sentiment_score float8, sentiment_label text, scored boolean, drivers jsonb,
           intent text, topics jsonb, analyzed_at timestamptz)
      ON CONFLICT (workspace_id, network, network_mention_id) DO UPDATE SET
        kind = EXCLUDED.kind, author = EXCLUDED.author, text = EXCLUDED.text, language = EXCLUDED.language, occurred_at = EXCLUDED.occurred_at,
        in_reply_to_post_id = EXCLUDED.in_reply_to_post_id, replied_at = EXCLUDED.replied_at, sentiment_score = EXCLUDED.sentiment_score,
        sentiment_label = EXCLUDED.sentiment_label, scored = EXCLUDED.scored, drivers = EXCLUDED.drivers, intent = EXCLUDED.intent,
        topics = EXCLUDED.topics, analyzed_at = EXCLUDED.analyzed_at`;
  }

  if (followers.length > 0) {
    const rows = lastByKey(
      followers,
      (e) => `${postKey(e.workspaceId, e.payload.followers.network, e.payload.followers.profileId)}\u001f${e.payload.followers.date}`,
    ).map((e) => ({
      workspace_id: e.workspaceId,
      ...e.payload.followers,
    }));
    await tx.$executeRaw`
      INSERT INTO ${table('follower_counts')} (workspace_id, network, profile_id, date, followers, updated_at)
      SELECT r.workspace_id, r.network, r."profileId", r.date, r.followers, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(workspace_id text, network text, "profileId" text, date date, followers bigint)
      ON CONFLICT (workspace_id, network, profile_id, date) DO UPDATE SET followers = EXCLUDED.followers, updated_at = now()`;
  }
  return { applied: todo.length, duplicates: events.length - todo.length };
}
