import { writeFileSync } from 'node:fs';

import type { FastifyInstance } from 'fastify';

/** The service's OpenAPI document as committed: built from the route schemas, nothing else. */
export async function openApiDocument(app: FastifyInstance): Promise<unknown> {
  await app.ready();
  return JSON.parse(JSON.stringify(app.swagger()));
}

export async function writeOpenApiDocument(app: FastifyInstance, file: string): Promise<void> {
  writeFileSync(file, `${JSON.stringify(await openApiDocument(app), null, 2)}\n`);
}

/**
 * Stands in for a dependency that building the routes must not touch (exporting the API
 * document needs no database or broker). Any use throws, naming the dependency.
 */
export function unusedDependency<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'then') return undefined;
      throw new Error(`${name}.${String(property)} was used while only the API document was being built`);
    },
  });
}
