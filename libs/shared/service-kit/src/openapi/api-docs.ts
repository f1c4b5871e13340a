import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

import { documentRoute, SECURITY_SCHEMES } from './document-route.ts';
import { ErrorBodySchema } from './error-body.schema.ts';

/** Where every service serves its docs page, and its OpenAPI document beside it (`/docs/json`, `/docs/yaml`). */
export const DOCS_PATH = '/docs';
export const OPENAPI_JSON_PATH = `${DOCS_PATH}/json`;

/** Herald's license (package.json), stated in every document. */
export const API_LICENSE = { name: 'Apache-2.0', identifier: 'Apache-2.0' } as const;

const AUTHENTICATION =
  "Routes under /v1 take a workspace API key, in the x-api-key header or as Authorization: Bearer <key>; the workspace of every answer is the key's own. " +
  'Each operation names the scope its key needs (read, ingest, admin or operator). Errors share one body, ErrorBody, with a stable code.';

export interface ApiDocsInfo {
  name: string;
  version: string;
  description: string;
}

/**
 * The OpenAPI document, built from the route schemas, and its docs page. The shared error body is
 * a schema of the app (routes refer to it by ERROR_BODY_ID) and a named component of the document;
 * security and the standard error answers of each operation come from documentRoute.
 */
export async function registerApiDocs(app: FastifyInstance, info: ApiDocsInfo): Promise<void> {
  app.addSchema(ErrorBodySchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `Herald ${info.name} API`, version: info.version, description: `${info.description}\n\n${AUTHENTICATION}`, license: API_LICENSE },
      // Relative: the service that serves the document, wherever it is deployed.
      servers: [{ url: '/', description: `The ${info.name} service serving this document` }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    // Schemas with an $id are components by that name (ErrorBody), not def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: documentRoute,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PATH });
}
