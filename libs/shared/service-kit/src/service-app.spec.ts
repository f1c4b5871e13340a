import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';

import { EventBusError } from '@herald/event-bus';

import { AppError } from './app-error.ts';
import { createLogger } from './logger.ts';
import { createServiceApp } from './service-app.ts';

const silent = createLogger({ name: 'test', level: 'silent' });

async function build(readyOk = true) {
  const app = await createServiceApp({
    name: 'test',
    version: '0.0.0',
    description: 'test',
    logger: silent,
    readiness: [
      {
        name: 'db',
        check: async () => {
          if (!readyOk) throw new Error('connection refused');
        },
      },
    ],
  });
  app.post('/items', { schema: { body: Type.Object({ count: Type.Integer({ minimum: 0 }) }) } }, async (req) => req.body);
  app.get('/teapot', async () => {
    throw new AppError('TEAPOT', 'short and stout', 418);
  });
  app.get('/boom', async () => {
    throw new Error('secret internal detail');
  });
  app.get('/db-down', async () => {
    throw new Error('adapter failed', { cause: { kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' } });
  });
  app.get('/broker-down', async () => {
    throw new EventBusError('EVENT_BUS_UNREACHABLE', 'Kafka is not reachable');
  });
  app.get('/broker-electing', async () => {
    throw new Error('publish failed', { cause: new EventBusError('EVENT_BUS_PUBLISH_FAILED', 'no leader for partition 3') });
  });
  app.get('/bus-closing', async () => {
    throw new EventBusError('EVENT_BUS_CLOSED', 'the bus is closed');
  });
  app.get('/db-refuses-value', async () => {
    throw new Error('invalid byte sequence', { cause: { kind: 'postgres', code: '22021' } });
  });
  // How Prisma (driver adapters) reports it: the SQLSTATE sits in meta.driverAdapterError.cause.
  app.get('/prisma-refuses-value', async () => {
    throw Object.assign(new Error('Raw query failed'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '22P02', kind: 'InvalidInputValue' } } },
    });
  });
  return app;
}

describe('createServiceApp', () => {
  it('answers /health', async () => {
    const app = await build();
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', service: 'test' });
  });

  it('reports 503 on /ready with the failing dependency named', async () => {
    const app = await build(false);
    const res = await app.inject('/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.db).toEqual({ ok: false, error: 'connection refused' });
  });

  it('shows the details a check reports on /ready, and stays ready', async () => {
    const app = await createServiceApp({
      name: 'test',
      version: '0.0.0',
      description: 'test',
      logger: silent,
      readiness: [{ name: 'outbox', check: async () => ({ oldestPendingAgeSeconds: 42 }) }],
    });
    const res = await app.inject('/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.outbox).toEqual({ ok: true, details: { oldestPendingAgeSeconds: 42 } });
  });

  it('maps validation errors to 400 naming the field', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/items', payload: { count: -2 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('body.count');
  });

  it('keeps the code and status of an AppError', async () => {
    const app = await build();
    const res = await app.inject('/teapot');
    expect(res.statusCode).toBe(418);
    expect(res.json().error).toEqual({ code: 'TEAPOT', message: 'short and stout' });
  });

  it('answers 503 with Retry-After when the database is unreachable', async () => {
    const app = await build();
    const res = await app.inject('/db-down');
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.body).not.toContain('127.0.0.1');
  });

  it('hides internals of a 500', async () => {
    const app = await build();
    const res = await app.inject('/boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
  });

  it.each(['/db-down', '/broker-down', '/broker-electing', '/bus-closing'])('answers %s (a dependency down) with 503 and Retry-After', async (url) => {
    const app = await build();
    const res = await app.inject(url);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it.each(['/db-refuses-value', '/prisma-refuses-value'])(
    'answers a data exception of the database (SQLSTATE class 22, %s) with a 400, never a 500',
    async (url) => {
      const app = await build();
      const res = await app.inject(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INPUT_INVALID');
    },
  );

  it('serves an OpenAPI document with the routes', async () => {
    const app = await build();
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/items']));
  });
});
