import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { testKafkaBrokers, testPostgresUrl, uniqueName } from '@herald/testing';

import { freePort, startService, type ServiceProcess } from './service-process.ts';

type ServiceName = 'ingestion' | 'listening' | 'analytics' | 'deck-builder';

export interface TestStack {
  run: string;
  apiKey: string;
  workspaceId: string;
  env: Record<string, string>;
  schemas: Record<'ingestion' | 'listening' | 'analytics' | 'deck', string>;
  services: Partial<Record<'ingestion' | 'listening' | 'analytics' | 'deck-builder', ServiceProcess>>;
  /** Starts a service; starting one again adds a replica (the newest is in `services`). */
  start(name: ServiceName): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Default: the shared test server (HERALD_TEST_DATABASE_URL). */
  databaseUrl?: string;
  /** Default: the shared test broker (KAFKA_BROKERS). */
  kafkaBrokers?: string;
  /** Extra environment for every service. */
  env?: Record<string, string>;
}

/** One run's worth of isolation: its own topics (prefix), consumer groups and database schemas. */
export function createTestStack(label: string, options: TestStackOptions = {}): TestStack {
  const run = uniqueName(label);
  const databaseUrl = options.databaseUrl ?? testPostgresUrl();
  const apiKey = `hk_${randomBytes(24).toString('base64url')}`;
  const schemas = { ingestion: `${run}_ingestion`, listening: `${run}_listening`, analytics: `${run}_analytics`, deck: `${run}_deck` };
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: options.kafkaBrokers ?? testKafkaBrokers().join(','),
    HERALD_TOPIC_PREFIX: `${run}.`,
    ...options.env,
  };
  const started: ServiceProcess[] = [];
  let firstIngestion: Promise<ServiceProcess> | undefined;
  const startOne = async (name: ServiceName): Promise<ServiceProcess> => {
    const port = await freePort();
    const own: Record<string, string> = { ...env, DATABASE_SCHEMA: schemas[name === 'deck-builder' ? 'deck' : name] };
    if (name === 'ingestion') Object.assign(own, { HERALD_BOOTSTRAP_WORKSPACE: stack.workspaceId, HERALD_API_KEY: apiKey });
    if (name !== 'ingestion') own.INGESTION_URL = stack.services.ingestion!.url;
    if (name === 'deck-builder') own.ANALYTICS_URL = stack.services.analytics?.url ?? '';
    const service = await startService(name, port, own);
    stack.services[name] = service;
    started.push(service);
    return service;
  };
  const stack: TestStack = {
    run,
    apiKey,
    workspaceId: 'acme',
    env,
    schemas,
    services: {},
    async start(name) {
      // Listening, analytics and deck-builder verify keys through ingestion: it runs first, and
      // services started together share that first one instead of each starting its own.
      if (name === 'ingestion' && !firstIngestion) return (firstIngestion = startOne('ingestion'));
      if (name !== 'ingestion' && !stack.services.ingestion) await (firstIngestion ??= startOne('ingestion'));
      return startOne(name);
    },
    async stop() {
      await Promise.all(started.map((s) => s.stop()));
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
  return stack;
}

export async function api<T = unknown>(url: string, init: { method?: string; body?: unknown; apiKey?: string } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.apiKey ? { 'x-api-key': init.apiKey } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

// What the load benchmark drives the same way: one entry point for tools outside this project.
export { eventually } from './service-process.ts';
