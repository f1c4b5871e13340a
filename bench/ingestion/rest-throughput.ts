import { waitForPublished } from './outbox-drain.ts';
import { benchPost } from './sample-items.ts';
import type { RunningService } from './start-service.ts';

export interface RestResult {
  items: number;
  /** Items per second from the first request until the last event was acknowledged by Kafka. */
  itemsPerSecond: number;
  /** Items per second answered by the API (stored in the outbox). */
  storedPerSecond: number;
  seconds: number;
}

/** POST /v1/posts:batch with `concurrency` requests in flight, batches of `batchSize` new posts. */
export async function measureRest(options: {
  service: RunningService;
  apiKey: string;
  schema: string;
  run: string;
  items: number;
  batchSize: number;
  concurrency: number;
}): Promise<RestResult> {
  const bodies: { body: string; count: number }[] = [];
  for (let start = 0; start < options.items; start += options.batchSize) {
    const items = Array.from({ length: Math.min(options.batchSize, options.items - start) }, (_, i) => benchPost(start + i, options.run));
    bodies.push({ body: JSON.stringify({ items }), count: items.length });
  }
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const batch = bodies[next++];
      if (!batch) return;
      const res = await fetch(`${options.service.url}/v1/posts:batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: batch.body,
      });
      if (!res.ok) throw new Error(`posts:batch answered ${res.status}: ${await res.text()}`);
      const result = (await res.json()) as { accepted: number };
      if (result.accepted !== batch.count) throw new Error(`not every item was accepted: ${JSON.stringify(result)}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const stored = (performance.now() - started) / 1000;
  await waitForPublished(options.schema, options.items);
  const seconds = (performance.now() - started) / 1000;
  return { items: options.items, itemsPerSecond: options.items / seconds, storedPerSecond: options.items / stored, seconds };
}
