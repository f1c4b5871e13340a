import type { FastifyInstance } from 'fastify';

import type { JsonSchema } from './schema-arbitrary.ts';

/** One route of an app as the fuzzer sees it: method, path pattern and, when documented, its schemas. */
export interface FuzzRoute {
  method: string;
  /** Fastify's pattern: `/v1/brands/:brandId`, `/assets/*`. */
  url: string;
  params: string[];
  query?: JsonSchema & { properties: Record<string, JsonSchema> };
  body?: JsonSchema;
  /** Content types the route documents for its body. */
  consumes: string[];
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * Every route the app serves, read from its own router (`printRoutes`), so a route added later is
 * in the list without anyone editing a test. HEAD twins of GET routes are left out. Schemas come
 * from the app's OpenAPI document where the route is in it.
 */
export async function routeTableOf(app: FastifyInstance): Promise<FuzzRoute[]> {
  await app.ready();
  const documented = documentedOperations(app);
  return parseRouteTree(app.printRoutes({ commonPrefix: false }))
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .map((r) => {
      const operation = documented.get(`${r.method} ${r.url}`);
      const queryParameters = (operation?.parameters ?? []).filter((p) => p.in === 'query');
      const content = operation?.requestBody?.content ?? {};
      const query = queryParameters.length
        ? {
            type: 'object',
            properties: Object.fromEntries(queryParameters.map((p) => [p.name, p.schema ?? {}])),
            required: queryParameters.filter((p) => p.required).map((p) => p.name),
          }
        : undefined;
      const jsonBody = content['application/json']?.schema;
      return {
        ...r,
        // A parameter starts a segment; a colon inside one is literal (`/v1/posts:batch`).
        params: [...r.url.matchAll(/(?<=\/):([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''),
        ...(query ? { query } : {}),
        ...(jsonBody ? { body: jsonBody } : {}),
        consumes: Object.keys(content),
      };
    });
}

/** `printRoutes({ commonPrefix: false })` draws a tree; a child's label continues its parent's path. */
export function parseRouteTree(tree: string): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const label = match[2] ?? '';
    stack.length = depth;
    const url = `${stack[depth - 1] ?? ''}${label}`;
    stack[depth] = url;
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean))
      routes.push({ method, url });
  }
  return routes;
}

function documentedOperations(app: FastifyInstance): Map<string, OpenApiOperation> {
  const operations = new Map<string, OpenApiOperation>();
  const swagger = (app as FastifyInstance & { swagger?: () => { paths?: Record<string, Record<string, OpenApiOperation>> } }).swagger;
  if (!swagger) return operations;
  for (const [path, methods] of Object.entries(swagger().paths ?? {})) {
    const url = path.replace(/\{([^}]+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(methods)) operations.set(`${method.toUpperCase()} ${url}`, operation as OpenApiOperation);
  }
  return operations;
}
