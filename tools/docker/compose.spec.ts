import { readFileSync } from 'node:fs';

import type { TObject } from 'typebox';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { AnalyticsConfigSchema } from '@herald/analytics-service';
import { DeckConfigSchema } from '@herald/deck-service';
import { ALL_TOPICS } from '@herald/events';
import { IngestionConfigSchema } from '@herald/ingestion-service';
import { ListeningConfigSchema } from '@herald/listening-service';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  command?: string[] | string;
}

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const dockerfile = readFileSync(new URL('./Dockerfile', import.meta.url), 'utf8');

const services: Record<string, TObject> = {
  ingestion: IngestionConfigSchema,
  listening: ListeningConfigSchema,
  analytics: AnalyticsConfigSchema,
  'deck-builder': DeckConfigSchema,
};

/** Variables a service refuses to start without: required and without a default. */
const requiredVariables = (schema: TObject): string[] =>
  (schema.required ?? []).filter((name) => (schema.properties[name] as { default?: unknown }).default === undefined);

describe('docker-compose.yml', () => {
  for (const [name, schema] of Object.entries(services)) {
    describe(name, () => {
      const service = compose.services[name]!;

      it('sets every variable the service requires', () => {
        const env = Object.keys(service.environment ?? {});
        expect(requiredVariables(schema).filter((v) => !env.includes(v))).toEqual([]);
      });

      it('sets no variable the service does not read', () => {
        const known = Object.keys(schema.properties);
        expect(Object.keys(service.environment ?? {}).filter((v) => !known.includes(v))).toEqual([]);
      });

      it('is built from a target of the Dockerfile that exists', () => {
        expect(service.build?.dockerfile).toBe('tools/docker/Dockerfile');
        expect(dockerfile).toMatch(new RegExp(`^FROM runtime AS ${service.build?.target}$`, 'm'));
        expect(dockerfile).toContain(`apps/${name}/dist/main.mjs`);
      });

      it('waits for healthy dependencies and has a healthcheck', () => {
        expect(service.healthcheck?.test.join(' ')).toContain('/ready');
        for (const dependency of Object.values(service.depends_on ?? {})) {
          expect(['service_healthy', 'service_completed_successfully']).toContain(dependency.condition);
        }
        expect(Object.keys(service.depends_on ?? {})).toEqual(expect.arrayContaining(['postgres', 'kafka-topics']));
      });

      it('binds its port to loopback only', () => {
        for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
      });
    });
  }

  it('gives each service its own database schema', () => {
    const schemas = Object.keys(services).map((name) => compose.services[name]!.environment?.DATABASE_SCHEMA);
    expect(new Set(schemas).size).toBe(schemas.length);
  });

  it('creates every topic the product uses, with its dead-letter topic', () => {
    const command = [compose.services['kafka-topics']!.command].flat().join('\n');
    for (const topic of ALL_TOPICS) expect(command).toContain(` ${topic}`);
  });

  it('pins every image tag', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.image) expect(service.image, name).toMatch(/:[0-9][\w.-]*$/);
    }
  });

  it('never lets Kafka create topics on its own', () => {
    expect(compose.services.kafka?.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });
});
