import { api } from '../stack.ts';
import { mentionItem, postItem, sleep } from './fault-kit.ts';

export interface LoadResult {
  /** Posts and mentions ingestion acknowledged (200), by index. */
  ackedPosts: Set<number>;
  ackedMentions: Set<number>;
  /** Answers by HTTP status (0: no answer), during the whole run and during the fault only. */
  statuses: Record<string, number>;
  duringFault: Record<string, number>;
  retryAfter: Set<string>;
}

/**
 * Sends batches of posts (and mentions) to ingestion, one request after the other, until
 * stopped. Only what ingestion answered 200 counts as acknowledged; a batch refused is sent
 * again with the same items later (a client retrying), and the new items after it.
 */
export function startLoad(options: { ingestionUrl: string; apiKey: string; batch: number; mentions?: boolean; pauseMs?: number }) {
  const result: LoadResult = { ackedPosts: new Set(), ackedMentions: new Set(), statuses: {}, duringFault: {}, retryAfter: new Set() };
  let running = true;
  let inFault = false;
  let next = 0;
  const count = (status: number) => {
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (inFault) result.duringFault[status] = (result.duringFault[status] ?? 0) + 1;
  };
  const send = async (path: string, items: unknown[]) => {
    try {
      const res = await fetch(`${options.ingestionUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify({ items }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await res.json().catch(() => ({}))) as { rejected?: unknown[] };
      count(res.status);
      const retryAfter = res.headers.get('retry-after');
      if (retryAfter) result.retryAfter.add(`${res.status}:${retryAfter}`);
      return res.status === 200 && (body.rejected?.length ?? 0) === 0;
    } catch {
      count(0);
      return false;
    }
  };
  const loop = (async () => {
    let pending: number[] = [];
    while (running) {
      if (pending.length === 0) pending = Array.from({ length: options.batch }, () => next++);
      const postsOk = await send('/v1/posts:batch', pending.map(postItem));
      const mentionsOk = options.mentions ? await send('/v1/mentions:batch', pending.map(mentionItem)) : true;
      if (postsOk) for (const i of pending) result.ackedPosts.add(i);
      if (mentionsOk && options.mentions) for (const i of pending) result.ackedMentions.add(i);
      // Resent until both kinds went through; what went through before is a duplicate, stored once.
      if (postsOk && mentionsOk) pending = [];
      else await sleep(500);
      await sleep(options.pauseMs ?? 100);
    }
  })();
  return {
    result,
    faultBegins: () => void (inFault = true),
    faultEnds: () => void (inFault = false),
    /** Ends the load; a batch still refused at that moment was never acknowledged and is not counted. */
    stop: async () => {
      running = false;
      await loop;
      return result;
    },
  };
}

export async function readiness(url: string): Promise<{ status: number; checks: Record<string, { ok: boolean }> }> {
  try {
    const res = await api<{ checks: Record<string, { ok: boolean }> }>(`${url}/ready`);
    return { status: res.status, checks: res.body.checks ?? {} };
  } catch {
    return { status: 0, checks: {} };
  }
}
