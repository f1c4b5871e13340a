import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createIngestionTestKit, KEY_A, KEY_B, post, type IngestionTestKit } from '../testing/ingestion-test-kit.ts';

describe('API keys and request limits', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit({ rateLimitPerMinute: 3, bodyLimitBytes: 64 * 1024 });
  });
  afterAll(() => kit?.close());

  const send = (apiKey: string | undefined, items: unknown[] = [post('l1')]) =>
    kit.app.inject({ method: 'POST', url: '/v1/posts:batch', headers: apiKey ? { 'x-api-key': apiKey } : {}, payload: { items } });

  it('answers 401 without a key, and with an unknown one', async () => {
    const missing = await send(undefined);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('AUTH_REQUIRED');
    const unknown = await send('hk_not_a_real_key_000000000000');
    expect(unknown.json().error.code).toBe('AUTH_INVALID');
    expect((await kit.app.inject('/v1/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(401);
  });

  it('serves /health, /ready and /docs without a key', async () => {
    expect((await kit.app.inject('/health')).statusCode).toBe(200);
    expect((await kit.app.inject('/ready')).statusCode).toBe(200);
    expect((await kit.app.inject('/docs/json')).statusCode).toBe(200);
  });

  it('answers 413 naming the limit when the body is too large', async () => {
    const res = await send(KEY_B, [post('big', { text: 'x'.repeat(70 * 1024) })]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('0.1 MB limit'), details: { limitBytes: 65536 } });
  });

  it('answers 429 with retry-after once a workspace spends its budget, and not for other workspaces', async () => {
    // Workspace b sent one request above; two more are allowed.
    expect((await send(KEY_B)).statusCode).toBe(200);
    expect((await send(KEY_B)).statusCode).toBe(200);
    const limited = await send(KEY_B);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('More than 3 requests per minute') });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send(KEY_A)).statusCode).toBe(200);
    expect((await kit.app.inject('/health')).statusCode).toBe(200);
  });
});
