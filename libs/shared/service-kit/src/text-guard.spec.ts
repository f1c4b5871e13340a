import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.ts';
import { createServiceApp } from './service-app.ts';
import { findBadText } from './text-guard.ts';

const silent = createLogger({ name: 'test', level: 'silent' });

async function build() {
  const app = await createServiceApp({ name: 'test', version: '0.0.0', description: 'test', logger: silent, readiness: [] });
  // The handlers stand for a database that would fail on such text: reaching them is the bug.
  app.get(
    '/things/:id',
    { schema: { params: Type.Object({ id: Type.String() }), querystring: Type.Object({ q: Type.Optional(Type.String()) }) } },
    async () => ({ reached: true }),
  );
  app.post('/things', async () => ({ reached: true }));
  return app;
}

describe('the text guard', () => {
  it.each([
    ['a NUL in a path parameter', { method: 'GET' as const, url: '/things/a%00b' }, 'params.id', /NUL/],
    ['a NUL in the query', { method: 'GET' as const, url: '/things/1?q=x%00' }, 'query.q', /NUL/],
    [
      'a NUL deep in the body',
      { method: 'POST' as const, url: '/things', payload: { items: [{ ok: 'fine' }, { text: 'a\u0000b' }] } },
      'body.items.1.text',
      /NUL/,
    ],
    ['a lone high surrogate in the body', { method: 'POST' as const, url: '/things', payload: '{"text":"\\ud83d"}' }, 'body.text', /surrogate/],
    ['a lone low surrogate in the body', { method: 'POST' as const, url: '/things', payload: '{"a":{"b":"x\\udc00"}}' }, 'body.a.b', /surrogate/],
    ['a NUL in a field name', { method: 'POST' as const, url: '/things', payload: '{"a\\u0000":1}' }, 'body.a\uFFFD', /field name/],
  ])('answers %s with a 400 naming the field', async (_name, request, field, message) => {
    const app = await build();
    const res = await app.inject({ ...request, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TEXT_INVALID');
    expect(res.json().error.details[0].field).toBe(field);
    expect(res.json().error.details[0].message).toMatch(message);
  });

  it('lets well-formed text through, emoji (surrogate pairs) included', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/things', payload: { text: 'great 👍🏽 café' } });
    expect(res.statusCode).toBe(200);
  });

  it('finds the first bad string of a value', () => {
    expect(findBadText({ a: ['ok', { b: 'x\uD800' }] }, 'body')).toEqual({ field: 'body.a.1.b', message: expect.stringMatching(/surrogate/) });
    expect(findBadText({ a: '\uD83D\uDC4D' }, 'body')).toBeNull();
    expect(findBadText(42, 'body')).toBeNull();
  });
});

describe('the finite query guard', () => {
  it.each(['-Infinity', 'Infinity', '1e309'])('answers limit=%s with a 400 naming the field, a text query of the same letters passes', async (value) => {
    const app = await createServiceApp({ name: 'test', version: '0.0.0', description: 'test', logger: silent, readiness: [] });
    app.get(
      '/things',
      { schema: { querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), q: Type.Optional(Type.String()) }) } },
      async () => ({ reached: true }),
    );
    const refused = await app.inject(`/things?limit=${value}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('query.limit');
    expect((await app.inject(`/things?q=${value}`)).statusCode).toBe(200);
  });
});
