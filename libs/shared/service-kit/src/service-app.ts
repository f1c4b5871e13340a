import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Type } from 'typebox';

import { installRouteTable, type RouteTableEntry } from './auth/api-guard.ts';
import { registerErrorHandler } from './error-handler.ts';
import type { Logger } from './logger.ts';
import { registerApiDocs } from './openapi/api-docs.ts';
import { registerServiceIndex } from './service-index.route.ts';
import { registerFiniteQueryGuard, registerTextGuard } from './text-guard.ts';

/** Figures a check reports beside ok (a backlog's age, …): shown on /ready, never making it fail. */
export type ReadinessDetails = Record<string, number | string | boolean | null>;

export interface ReadinessCheck {
  name: string;
  /** Throws when the dependency is down; may resolve with details to report. */
  check(): Promise<void | ReadinessDetails>;
}

export interface ServiceAppOptions {
  name: string;
  version: string;
  description: string;
  logger: Logger;
  readiness: ReadinessCheck[];
  bodyLimitBytes?: number;
}

export type ServiceApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

const HealthSchema = Type.Object({ status: Type.Literal('ok'), service: Type.String() });
const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Record(
    Type.String(),
    Type.Object({
      ok: Type.Boolean(),
      error: Type.Optional(Type.String()),
      details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]))),
    }),
  ),
});

/**
 * The Fastify instance every service starts from: logging, error mapping, OpenAPI document
 * and docs page, / (what the service is), /health (alive) and /ready (dependencies reachable).
 * It never listens.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandler(app);
  routeTables.set(app, installRouteTable(app));

  // Security headers on every answer. The CSP suits the docs page (swagger-ui loads only its own
  // scripts and styles; it sets inline styles and data: images); no page may be framed.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
    },
    frameguard: { action: 'deny' },
  });

  registerTextGuard(app);
  registerFiniteQueryGuard(app);

  const info = { name: options.name, version: options.version, description: options.description };
  await registerApiDocs(app, info);
  registerServiceIndex(app, info);

  app.get(
    '/health',
    { config: { public: true }, schema: { operationId: 'getHealth', tags: ['ops'], summary: 'The process is alive', response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const, service: options.name }),
  );

  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        operationId: 'getReadiness',
        tags: ['ops'],
        summary: 'Kafka and the database are reachable',
        response: {
          200: { ...ReadySchema, description: 'Every dependency answered' },
          503: { ...ReadySchema, description: 'A dependency did not answer; checks names it' },
        },
      },
    },
    async (_request, reply) => {
      const results = await Promise.all(
        options.readiness.map(async (r) => {
          try {
            const details = await withTimeout(r.check(), 3000, r.name);
            return [r.name, details ? { ok: true, details } : { ok: true }] as const;
          } catch (error) {
            return [r.name, { ok: false, error: (error as Error).message }] as const;
          }
        }),
      );
      const ready = results.every(([, r]) => r.ok);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
    },
  );

  return app;
}

const routeTables = new WeakMap<object, RouteTableEntry[]>();

/** Every route the app registered (method, url, access config), for tests that walk the real route table. */
export function listRoutes(app: object): RouteTableEntry[] {
  const table = routeTables.get(app);
  if (!table) throw new Error('listRoutes: not an app made by createServiceApp');
  return [...table];
}

async function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
