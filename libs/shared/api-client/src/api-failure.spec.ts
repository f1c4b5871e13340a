import { describe, expect, it } from 'vitest';

import { callApi, readApiFailure, type ApiFailure } from './api-failure.ts';

const deck = { name: 'deck-builder', unavailableCode: 'DECK_UNAVAILABLE' };
const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('readApiFailure', () => {
  it('takes the code, message and details from the error body, and Retry-After in seconds', () => {
    const body = { error: { code: 'RATE_LIMITED', message: 'slow down', details: { limit: 600 } } };
    expect(readApiFailure(answer(429, { 'retry-after': '7' }), body, deck)).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'slow down',
      details: { limit: 600 },
      retryAfterSeconds: 7,
    });
  });

  it("names the service when the body is not the API's error body, and ignores a Retry-After that is no number of seconds", () => {
    expect(readApiFailure(answer(502, { 'retry-after': 'soon' }), '<html>', deck)).toEqual({
      status: 502,
      code: 'DECK_UNAVAILABLE',
      message: 'deck-builder answered 502',
      details: undefined,
      retryAfterSeconds: undefined,
    });
  });
});

describe('callApi', () => {
  const toError = (failure: ApiFailure) => Object.assign(new Error(failure.message), { failure });

  it('returns the data of a success', async () => {
    await expect(callApi(async () => ({ data: { ok: 1 }, response: answer(200) }), deck, toError)).resolves.toEqual({ ok: 1 });
  });

  it('throws a failed answer as the client error', async () => {
    const failed = callApi(async () => ({ error: { error: { code: 'DECK_NOT_FOUND', message: 'no such deck' } }, response: answer(404) }), deck, toError);
    await expect(failed).rejects.toMatchObject({ failure: { status: 404, code: 'DECK_NOT_FOUND', message: 'no such deck' } });
  });

  it('throws no answer at all as status 0 with the unavailable code', async () => {
    const unreachable = callApi(async () => Promise.reject(new TypeError('fetch failed')), deck, toError);
    await expect(unreachable).rejects.toMatchObject({
      failure: { status: 0, code: 'DECK_UNAVAILABLE', message: 'deck-builder cannot be reached (fetch failed)' },
    });
  });
});
