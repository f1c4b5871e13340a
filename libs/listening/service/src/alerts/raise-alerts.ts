import type { EventBus } from '@herald/event-bus';
import { createEvent, type AlertKind, type EventOf, type ListeningAlertPayload } from '@herald/events';
import { Prisma, type ListeningAlert, type ListeningDb } from '@herald/listening-data-access';
import { BUCKET_MS, bucketStartOf, detectSpikes, spikeAlertId, type Spike, type SpikeOptions } from '@herald/listening-signals';
import type { Logger } from '@herald/service-kit';

import { LISTENING_SOURCE } from '../listening-source.ts';

/** Spike detection settings; buckets are hours or days (weeks do not start at a multiple of their length). */
export type AlertOptions = Partial<Omit<SpikeOptions, 'bucket' | 'volume' | 'negativeShare'>> & {
  bucket?: 'hour' | 'day';
  volume?: Partial<SpikeOptions['volume']>;
  negativeShare?: Partial<SpikeOptions['negativeShare']>;
};

export interface RaiseAlertsDeps {
  db: ListeningDb;
  bus: EventBus;
  logger: Logger;
  options?: AlertOptions;
}

const EVIDENCE_MENTIONS = 50;
const EVIDENCE_CHARS = 1_000;

interface SeriesRow {
  start_s: number;
  mentions: number;
  negatives: number;
  scored: number;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The stored alert as its event; the id and time are those of the first detection, so a republish is the same event. */
export function alertEventOf(alert: Pick<ListeningAlert, 'id' | 'workspaceId' | 'payload' | 'detectedAt'>): EventOf<'listening.alert.raised'> {
  return createEvent({
    type: 'listening.alert.raised',
    id: alert.id,
    workspaceId: alert.workspaceId,
    source: LISTENING_SOURCE,
    occurredAt: alert.detectedAt,
    payload: alert.payload as unknown as ListeningAlertPayload,
  });
}

/**
 * Judges the buckets that new mentions fell in, per workspace, against their trailing baseline, and
 * raises an alert for each spike not raised before. The alert row (unique per workspace, kind and
 * bucket, with an id derived from them) is written before its event is published and marked
 * published after the broker acknowledged it, so a redelivery or a crash in between publishes the
 * same event again rather than losing it, and a spike already published is never published twice.
 */
export async function raiseSpikeAlerts(deps: RaiseAlertsDeps, touched: ReadonlyMap<string, readonly Date[]>): Promise<EventOf<'listening.alert.raised'>[]> {
  const bucket = deps.options?.bucket ?? 'hour';
  const size = BUCKET_MS[bucket];
  const ids: string[] = [];
  for (const [workspaceId, times] of touched) {
    const spikes = await findSpikes(deps, workspaceId, times, bucket);
    if (spikes.length === 0) continue;
    const spikeIds = spikes.map((s) => spikeAlertId(workspaceId, s));
    ids.push(...spikeIds);
    const known = new Set((await deps.db.prisma.listeningAlert.findMany({ where: { id: { in: spikeIds } }, select: { id: true } })).map((a) => a.id));
    const fresh = spikes.filter((_, i) => !known.has(spikeIds[i] ?? ''));
    if (fresh.length === 0) continue;
    const detectedAt = new Date();
    const rows = await Promise.all(
      fresh.map(async (spike) => ({
        id: spikeAlertId(workspaceId, spike),
        workspaceId,
        kind: spike.kind,
        bucketStart: spike.start,
        bucketEnd: spike.end,
        observed: spike.observed,
        baseline: spike.baseline,
        score: spike.score,
        payload: (await payloadOf(deps.db, workspaceId, spike, size)) as unknown as Prisma.InputJsonObject,
        detectedAt,
      })),
    );
    // A replica that detected the same spike meanwhile wins; this one then publishes its row.
    await deps.db.prisma.listeningAlert.createMany({ data: rows, skipDuplicates: true });
  }
  if (ids.length === 0) return [];

  const unpublished = await deps.db.prisma.listeningAlert.findMany({ where: { id: { in: ids }, publishedAt: null }, orderBy: { bucketStart: 'asc' } });
  if (unpublished.length === 0) return [];
  const events = unpublished.map(alertEventOf);
  await deps.bus.publish(events);
  await deps.db.prisma.listeningAlert.updateMany({ where: { id: { in: unpublished.map((a) => a.id) } }, data: { publishedAt: new Date() } });
  for (const e of events) {
    deps.logger.info(
      { alertId: e.id, workspaceId: e.workspaceId, kind: e.payload.kind, bucket: e.payload.bucket, observed: e.payload.observed, baseline: e.payload.baseline },
      'listening alert raised',
    );
  }
  return events;
}

async function findSpikes(deps: RaiseAlertsDeps, workspaceId: string, times: readonly Date[], bucket: 'hour' | 'day'): Promise<Spike[]> {
  const size = BUCKET_MS[bucket];
  const starts = [...new Set(times.map((t) => bucketStartOf(t, bucket).getTime()).filter((t) => !Number.isNaN(t)))];
  if (starts.length === 0) return [];
  const baselineBuckets = deps.options?.baselineBuckets ?? 24;
  const from = new Date(Math.min(...starts) - baselineBuckets * size);
  const to = new Date(Math.max(...starts) + size);
  const table = Prisma.raw(`"${deps.db.schema}"."mention_analyses"`);
  const seconds = size / 1000;
  const [series, first] = await Promise.all([
    deps.db.prisma.$queryRaw<SeriesRow[]>`
      SELECT (floor(extract(epoch FROM occurred_at) / ${seconds}) * ${seconds})::float8 AS start_s,
             count(*)::int AS mentions,
             (count(*) FILTER (WHERE scored AND label = 'negative'))::int AS negatives,
             (count(*) FILTER (WHERE scored))::int AS scored
      FROM ${table}
      WHERE workspace_id = ${workspaceId} AND occurred_at >= ${from} AND occurred_at < ${to}
      GROUP BY 1`,
    deps.db.prisma.mentionAnalysis.aggregate({ where: { workspaceId }, _min: { occurredAt: true } }),
  ]);
  return detectSpikes({
    series: series.map((r) => ({ start: new Date(r.start_s * 1000), mentions: r.mentions, negatives: r.negatives, scored: r.scored })),
    candidates: starts.map((t) => new Date(t)),
    ...(first._min.occurredAt ? { historyStart: first._min.occurredAt } : {}),
    options: { ...deps.options, bucket },
  });
}

async function payloadOf(db: ListeningDb, workspaceId: string, spike: Spike, size: number): Promise<ListeningAlertPayload> {
  const where = {
    workspaceId,
    occurredAt: { gte: spike.start, lt: spike.end },
    // The evidence of a negative spike is its negative mentions.
    ...(spike.kind === 'negative_share_spike' ? { scored: true, label: 'negative' } : {}),
  };
  const [evidence, total] = await Promise.all([
    db.prisma.mentionAnalysis.findMany({
      where,
      orderBy: [{ occurredAt: 'asc' }, { networkMentionId: 'asc' }],
      take: EVIDENCE_MENTIONS,
      select: { network: true, networkMentionId: true, text: true, occurredAt: true, label: true },
    }),
    db.prisma.mentionAnalysis.count({ where }),
  ]);
  const kind: AlertKind = spike.kind;
  return {
    kind,
    bucket: { start: spike.start.toISOString(), end: new Date(spike.start.getTime() + size).toISOString() },
    observed: spike.observed,
    baseline: spike.baseline,
    score: spike.score,
    threshold: spike.threshold,
    mentions: spike.mentions,
    negatives: spike.negatives,
    baselineBuckets: spike.baselineBuckets,
    evidence: {
      mentions: evidence.map((m) => ({
        network: m.network as ListeningAlertPayload['evidence']['mentions'][number]['network'],
        networkMentionId: m.networkMentionId,
        text: cut(m.text, EVIDENCE_CHARS),
        occurredAt: m.occurredAt.toISOString(),
        label: m.label as ListeningAlertPayload['evidence']['mentions'][number]['label'],
      })),
      total,
    },
  };
}
