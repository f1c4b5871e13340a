import { isUniqueViolation, type IngestionDb } from '@herald/ingestion-data-access';
import { errorResponse, notFound, type ServiceApp } from '@herald/service-kit';

import { IdempotencyHeadersSchema } from '../api/batch.schema.ts';
import { validatorWithBody } from '../api/route-validator.ts';
import { ImportFormSchema, ImportJobParamsSchema, ImportJobSchema, type ImportJobView } from '../api/import.schema.ts';
import { findStoredAnswer, requestHashOf, storeAnswer, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency-store.ts';
import { importOptionsOf } from '../imports/import-form.ts';
import { createImportJob, findImportJob, toJobView } from '../imports/import-job.repository.ts';
import type { ImportRunner } from '../imports/import-runner.ts';
import { openImport, type OpenedImport } from '../imports/open-import.ts';
import { spoolUpload } from '../imports/spool-upload.ts';

export interface ImportRouteDeps {
  db: IngestionDb;
  runner: ImportRunner;
  /** Where uploads are written while they are imported (default: the OS temp folder). */
  spoolDir?: string;
}

export function registerImportRoutes(app: ServiceApp, deps: ImportRouteDeps): void {
  app.post(
    '/v1/imports',
    {
      config: { scope: 'ingest' },
      schema: {
        operationId: 'startImport',
        tags: ['imports'],
        summary: 'Upload a CSV export; its rows are imported in the background (poll GET /v1/imports/{id})',
        description:
          'The header is read before answering: an empty file, a file that is not CSV, an export Herald does not recognise or a file broken before its first row is refused (422) and no job is made. Later problems fail the job; chunks of 2,000 rows already stored are kept.',
        consumes: ['multipart/form-data'],
        headers: IdempotencyHeadersSchema,
        body: ImportFormSchema,
        response: {
          202: ImportJobSchema,
          400: errorResponse(
            'The form is not one the route reads (IMPORT_FORM_INVALID), an option is invalid (IMPORT_INVALID_OPTIONS), the upload ended early (UPLOAD_INCOMPLETE), or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
          ),
          413: errorResponse('The file is larger than IMPORT_LIMIT_MB (PAYLOAD_TOO_LARGE, details.limitBytes): split the export'),
          415: errorResponse('The body is not multipart/form-data (IMPORT_FORM_INVALID)'),
          422: errorResponse(
            'No job was made: the file is empty (IMPORT_EMPTY), not CSV (IMPORT_NOT_CSV), in an unsupported encoding (IMPORT_ENCODING), an export Herald does not recognise (IMPORT_UNKNOWN_FORMAT) or broken before its first row (IMPORT_MALFORMED); or the Idempotency-Key was used for a different request (IDEMPOTENCY_KEY_REUSED)',
          ),
        },
      },
      // The parts are read and checked as they stream in, not buffered into a body to validate.
      validatorCompiler: validatorWithBody(null),
    },
    async (request, reply) => {
      const upload = await spoolUpload(request, deps.spoolDir);
      let opened: OpenedImport | undefined;
      let handedOver = false;
      try {
        const options = importOptionsOf(upload.fields);
        const key = request.headers['idempotency-key'];
        const idempotent: IdempotentRequest | undefined = key
          ? { workspaceId: request.principal.workspaceId, key, requestHash: requestHashOf('/v1/imports', upload.sha256, upload.fields) }
          : undefined;
        const send = (answer: StoredAnswer, replayed: boolean) => {
          if (idempotent) reply.header('idempotent-replayed', String(replayed));
          const body = answer.body as ImportJobView;
          // A stored answer is one this route gave: the 202 of a created job.
          return reply
            .status(answer.statusCode as 202)
            .header('location', `/v1/imports/${body.id}`)
            .send(body);
        };
        if (idempotent) {
          const stored = await findStoredAnswer(deps.db, idempotent);
          if (stored) return send(stored, true);
        }

        opened = await openImport(upload.path, options);
        const format = opened.header?.format ? `${opened.header.format.format.id} v${opened.header.format.format.version}` : options.mapping ? 'mapping' : null;
        let answer: StoredAnswer;
        try {
          answer = await deps.db.prisma.$transaction(async (tx) => {
            const job = await createImportJob(tx, {
              workspaceId: request.principal.workspaceId,
              fileName: upload.fileName,
              format,
              kind: options.mapping?.target ?? 'posts',
              bytesTotal: upload.bytes,
            });
            const created = { statusCode: 202, body: toJobView(job) };
            if (idempotent) await storeAnswer(tx, idempotent, created);
            return created;
          });
        } catch (error) {
          if (idempotent && isUniqueViolation(error)) {
            const stored = await findStoredAnswer(deps.db, idempotent);
            if (stored) return send(stored, true);
          }
          throw error;
        }
        const job = answer.body as ImportJobView;
        deps.runner.start({ id: job.id, workspaceId: request.principal.workspaceId }, opened, upload.remove);
        handedOver = true;
        return send(answer, false);
      } finally {
        // The runner removes the file when the job ends; otherwise nothing will read it again.
        if (!handedOver) {
          await opened?.close().catch(() => undefined);
          await upload.remove();
        }
      }
    },
  );

  app.get(
    '/v1/imports/:id',
    {
      config: { scope: 'ingest' },
      schema: {
        operationId: 'getImport',
        tags: ['imports'],
        summary: 'An import job: its state, rows read, accepted, duplicates and the first 1,000 rejected rows',
        params: ImportJobParamsSchema,
        response: { 200: ImportJobSchema, 404: errorResponse('No import with this id in the workspace (NOT_FOUND)') },
      },
    },
    async (request) => {
      const job = await findImportJob(deps.db, request.principal.workspaceId, request.params.id);
      // Another workspace's job is answered exactly like a missing one.
      if (!job) throw notFound(`Import ${request.params.id}`);
      return job;
    },
  );
}
