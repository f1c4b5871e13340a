import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

import { DOCS_PATH, OPENAPI_JSON_PATH } from './openapi/api-docs.ts';

export interface ServiceIndexInfo {
  name: string;
  version: string;
  description: string;
}

export const ServiceIndexSchema = Type.Object({
  service: Type.String(),
  version: Type.String(),
  description: Type.String(),
  links: Type.Object({
    docs: Type.String({ description: 'The API docs page' }),
    openapi: Type.String({ description: 'The OpenAPI document (JSON)' }),
    health: Type.String(),
    ready: Type.String(),
  }),
});

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * The media type the Accept header prefers of those offered, by q-value and then by the order
 * offered; the first offered when the header is absent or names none of them.
 */
export function preferredType(accept: string | undefined, offered: readonly [string, ...string[]]): string {
  let best = { type: offered[0], q: 0, order: Number.POSITIVE_INFINITY };
  for (const [order, part] of (accept ?? '').split(',').entries()) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    for (const type of offered) {
      const matches = range === type || range === '*/*' || (range.endsWith('/*') && type.startsWith(range.slice(0, -1)));
      // An exact range outranks a wildcard of the same q (text/html, */*;q=1 → text/html).
      const rank = range.includes('*') ? order + 0.5 : order;
      if (matches && (q > best.q || (q === best.q && rank < best.order))) best = { type, q, order: rank };
    }
  }
  return best.type;
}

function indexPage(info: ServiceIndexInfo, links: { docs: string; openapi: string; health: string; ready: string }): string {
  const name = escapeHtml(info.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Herald ${name}</title>
</head>
<body>
<main>
<h1>Herald ${name} <small>${escapeHtml(info.version)}</small></h1>
<p>${escapeHtml(info.description)}</p>
<ul>
<li><a href="${links.docs}">API docs</a></li>
<li><a href="${links.openapi}">OpenAPI document (JSON)</a></li>
<li><a href="${links.health}">Health</a> and <a href="${links.ready}">readiness</a></li>
</ul>
</main>
</body>
</html>
`;
}

/**
 * `GET /`: what the service is and where its docs are, as a page for people and as JSON for a
 * client asking for application/json. Public, outside the API (/v1), behind the same security
 * headers as every answer.
 */
export function registerServiceIndex(app: FastifyInstance, info: ServiceIndexInfo): void {
  const links = { docs: DOCS_PATH, openapi: OPENAPI_JSON_PATH, health: '/health', ready: '/ready' };
  const html = indexPage(info, links);
  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        operationId: 'getServiceIndex',
        tags: ['ops'],
        summary: 'What this service is, with links to its docs and OpenAPI document',
        response: {
          200: {
            description: 'An HTML page, or JSON when the Accept header prefers application/json',
            content: { 'text/html': { schema: Type.String() }, 'application/json': { schema: ServiceIndexSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      void reply.header('vary', 'accept');
      if (preferredType(request.headers.accept, ['text/html', 'application/json']) === 'application/json') {
        return reply.type('application/json; charset=utf-8').send({ service: info.name, version: info.version, description: info.description, links });
      }
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
