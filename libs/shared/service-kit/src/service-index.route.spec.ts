import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.ts';
import { createServiceApp, listRoutes } from './service-app.ts';
import { preferredType } from './service-index.route.ts';

const build = () =>
  createServiceApp({
    name: 'listening',
    version: '1.2.3',
    description: 'Social listening <for teams>',
    logger: createLogger({ name: 'test', level: 'silent' }),
    readiness: [],
  });

describe('GET /', () => {
  it('answers a browser with a page naming the service and linking its docs and OpenAPI document', async () => {
    const app = await build();
    const res = await app.inject({ url: '/', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h1>Herald listening');
    expect(res.body).toContain('Social listening &lt;for teams&gt;');
    expect(res.body).toContain('href="/docs"');
    expect(res.body).toContain('href="/docs/json"');
  });

  it('sends the same security headers as every other answer', async () => {
    const app = await build();
    const res = await app.inject('/');
    const health = await app.inject('/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security', 'referrer-policy']) {
      expect(res.headers[header], header).toBe(health.headers[header]);
    }
  });

  it('answers JSON when the client asks for application/json, with links that work', async () => {
    const app = await build();
    const res = await app.inject({ url: '/', headers: { accept: 'application/json' } });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toContain('accept');
    const body = res.json();
    expect(body).toEqual({
      service: 'listening',
      version: '1.2.3',
      description: 'Social listening <for teams>',
      links: { docs: '/docs', openapi: '/docs/json', health: '/health', ready: '/ready' },
    });
    const document = await app.inject(body.links.openapi);
    expect(document.statusCode).toBe(200);
    expect(document.json().openapi).toBe('3.1.0');
    expect((await app.inject(body.links.docs)).statusCode).toBeLessThan(400);
  });

  it('is a public route outside the API, needing no key', async () => {
    const app = await build();
    await app.ready();
    expect(listRoutes(app)).toContainEqual({ method: 'GET', url: '/', guarded: false, config: { public: true, scope: undefined, authenticated: undefined } });
    expect((await app.inject('/v1')).statusCode).toBe(404);
  });
});

describe('preferredType', () => {
  const offered = ['text/html', 'application/json'] as const;
  it.each([
    [undefined, 'text/html'],
    ['*/*', 'text/html'],
    ['application/json', 'application/json'],
    ['application/json, text/plain, */*', 'application/json'],
    ['text/html;q=0.5, application/json', 'application/json'],
    ['application/*', 'application/json'],
    ['application/json;q=0, */*', 'text/html'],
    ['image/png', 'text/html'],
  ])('Accept %s → %s', (accept, expected) => {
    expect(preferredType(accept, offered)).toBe(expected);
  });
});
