import { isUniqueViolation, type IngestionDb } from '@herald/ingestion-data-access';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';
import { Type, type TObject } from 'typebox';

import {
  BatchBodySchema,
  BatchQuerySchema,
  BatchResultSchema,
  documentedItem,
  FollowersItemSchema,
  IdempotencyHeadersSchema,
  MAX_BATCH_ITEMS,
  MentionItemSchema,
  MetricsItemSchema,
  PostItemSchema,
  type BatchResult,
  type FollowersItem,
  type MentionItem,
  type MetricsItem,
  type PostItem,
  type Rejection,
} from '../api/batch.schema.ts';
import { validatorWithBody } from '../api/route-validator.ts';
import { findStoredAnswer, requestHashOf, storeAnswer, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency-store.ts';
import { ingestItems } from '../ingest-items.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';
import { prepareFollowers, prepareMention, prepareMetrics, preparePost, type PreparedItem } from '../prepare-items.ts';
import { createItemValidator, type ItemValidator } from '../validate-items.ts';

interface BatchRouteSpec<T> {
  url: string;
  operationId: string;
  summary: string;
  itemSchema: TObject;
  validate: ItemValidator<T>;
  prepare(workspaceId: string, index: number, item: T): PreparedItem;
}

const specs = [
  {
    url: '/v1/posts::batch',
    operationId: 'createPostsBatch',
    summary: 'Add or update posts, each with an optional metrics snapshot',
    itemSchema: PostItemSchema,
    validate: createItemValidator<PostItem>(PostItemSchema),
    prepare: preparePost,
  } satisfies BatchRouteSpec<PostItem>,
  {
    url: '/v1/metrics::batch',
    operationId: 'createMetricsBatch',
    summary: "Add readings of posts' counters; only a reading newer than the newest stored for its post is kept",
    itemSchema: MetricsItemSchema,
    validate: createItemValidator<MetricsItem>(MetricsItemSchema),
    prepare: prepareMetrics,
  } satisfies BatchRouteSpec<MetricsItem>,
  {
    url: '/v1/followers::batch',
    operationId: 'createFollowersBatch',
    summary: 'Add or correct daily follower counts of profiles',
    itemSchema: FollowersItemSchema,
    validate: createItemValidator<FollowersItem>(FollowersItemSchema),
    prepare: prepareFollowers,
  } satisfies BatchRouteSpec<FollowersItem>,
  {
    url: '/v1/mentions::batch',
    operationId: 'createMentionsBatch',
    summary: 'Add mentions, comments, direct messages and reviews',
    itemSchema: MentionItemSchema,
    validate: createItemValidator<MentionItem>(MentionItemSchema),
    prepare: prepareMention,
  } satisfies BatchRouteSpec<MentionItem>,
];

const byIndex = (a: Rejection, b: Rejection) => a.index - b.index;

/**
 * The answer to a batch: 200 with the counts and every rejected item, or 400 when nothing in it
 * could be stored (every item rejected), so a client that only checks the status notices.
 */
function answerOf(total: number, result: BatchResult): StoredAnswer {
  if (result.rejected.length === total) {
    return {
      statusCode: 400,
      body: { error: { code: 'BATCH_REJECTED', message: `All ${total} item(s) invalid; nothing was stored`, details: result.rejected } },
    };
  }
  return { statusCode: 200, body: result };
}

export function registerBatchRoutes(app: ServiceApp, deps: { db: IngestionDb; relay: OutboxRelay }): void {
  for (const spec of specs as BatchRouteSpec<unknown>[]) {
    app.post(
      spec.url,
      {
        config: { scope: 'ingest' },
        schema: {
          operationId: spec.operationId,
          tags: ['ingestion'],
          summary: spec.summary,
          querystring: BatchQuerySchema,
          headers: IdempotencyHeadersSchema,
          body: Type.Object(
            {
              items: Type.Array(documentedItem(spec.itemSchema), {
                minItems: 1,
                maxItems: MAX_BATCH_ITEMS,
                description: 'Checked one by one: invalid items are listed in rejected',
              }),
            },
            { additionalProperties: false },
          ),
          response: {
            200: BatchResultSchema,
            400: errorResponse(
              'Nothing was stored: every item is invalid, or one is in an atomic batch (BATCH_REJECTED, details lists them); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
            ),
            413: errorResponse('The body is larger than BODY_LIMIT_MB (PAYLOAD_TOO_LARGE, details.limitBytes): send fewer items per batch'),
            422: errorResponse('The Idempotency-Key was used before for a different request (IDEMPOTENCY_KEY_REUSED)'),
          },
        },
        validatorCompiler: validatorWithBody(BatchBodySchema),
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const idempotent: IdempotentRequest | undefined = key
          ? { workspaceId: request.principal.workspaceId, key, requestHash: requestHashOf(spec.url, request.query, request.body) }
          : undefined;
        const send = (answer: StoredAnswer, replayed: boolean) => {
          if (idempotent) reply.header('idempotent-replayed', String(replayed));
          // A stored answer is one this route gave: 200, or 400 when every item was rejected.
          return reply.status(answer.statusCode as 200 | 400).send(answer.body as BatchResult);
        };
        if (idempotent) {
          const stored = await findStoredAnswer(deps.db, idempotent);
          if (stored) return send(stored, true);
        }

        const { items } = request.body;
        const { valid, rejected } = spec.validate(items);
        if (request.query.atomic && rejected.length > 0) {
          throw new AppError('BATCH_REJECTED', `${rejected.length} item(s) invalid; nothing was stored (atomic batch)`, 400, rejected);
        }
        const prepared = valid.map(({ index, item }) => spec.prepare(request.principal.workspaceId, index, item));
        let answer: StoredAnswer | undefined;
        try {
          const { events } = await ingestItems(deps.db, request.principal.workspaceId, prepared, {
            onBackgroundError: (error) => request.log.warn({ err: error }, 'refreshing table statistics failed'),
            afterWrite: async (tx, outcome) => {
              if (request.query.atomic && outcome.rejected.length > 0) {
                // Throwing rolls the transaction back: nothing of the batch is stored.
                throw new AppError('BATCH_REJECTED', `${outcome.rejected.length} item(s) refused; nothing was stored (atomic batch)`, 400, outcome.rejected);
              }
              answer = answerOf(items.length, {
                accepted: outcome.accepted.length,
                duplicates: outcome.duplicates.length,
                rejected: [...rejected, ...outcome.rejected].sort(byIndex),
              });
              // Only completed work is remembered; a refused request did nothing and may be sent again.
              if (idempotent && answer.statusCode === 200) await storeAnswer(tx, idempotent, answer);
            },
          });
          deps.relay.remember(events);
        } catch (error) {
          if (idempotent && isUniqueViolation(error)) {
            // The same key was being handled concurrently and won: answer as it did.
            const stored = await findStoredAnswer(deps.db, idempotent);
            if (stored) return send(stored, true);
          }
          throw error;
        }
        if (!answer) throw new Error('the batch transaction finished without an answer');
        // The items are safe in the outbox; publishing now only shortens the wait.
        await deps.relay.flush().catch((error: unknown) => request.log.warn({ err: error }, 'publish deferred to the outbox relay'));
        return send(answer, false);
      },
    );
  }
}
