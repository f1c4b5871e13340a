import type { IngestionDb } from '@herald/ingestion-data-access';
import { AppError, type ServiceApp } from '@herald/service-kit';

import { BatchBodySchema, BatchQuerySchema, BatchResultSchema, MentionItemSchema, PostItemSchema, type MentionItem, type PostItem } from '../api/batch.schema.ts';
import { ingestItems, prepareMention, preparePost, type ItemKind, type PreparedItem } from '../ingest-items.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';
import { createItemValidator } from '../validate-items.ts';

interface BatchRouteSpec<T> {
  url: string;
  kind: ItemKind;
  summary: string;
  validate: ReturnType<typeof createItemValidator<T>>;
  prepare(workspaceId: string, index: number, item: T): PreparedItem;
}

const specs = [
  {
    url: '/v1/posts:batch',
    kind: 'post',
    summary: 'Add or update posts, each with an optional metrics snapshot',
    validate: createItemValidator<PostItem>(PostItemSchema),
    prepare: preparePost,
  } satisfies BatchRouteSpec<PostItem>,
  {
    url: '/v1/mentions:batch',
    kind: 'mention',
    summary: 'Add mentions, comments, direct messages and reviews',
    validate: createItemValidator<MentionItem>(MentionItemSchema),
    prepare: prepareMention,
  } satisfies BatchRouteSpec<MentionItem>,
];

export function registerBatchRoutes(app: ServiceApp, deps: { db: IngestionDb; relay: OutboxRelay }): void {
  for (const spec of specs as BatchRouteSpec<unknown>[]) {
    app.post(
      spec.url,
      {
        schema: {
          tags: ['ingestion'],
          summary: spec.summary,
          security: [{ apiKey: [] }],
          querystring: BatchQuerySchema,
          body: BatchBodySchema,
          response: { 200: BatchResultSchema },
        },
      },
      async (request) => {
        const { valid, rejected } = spec.validate(request.body.items);
        if (request.query.atomic && rejected.length > 0) {
          throw new AppError('BATCH_REJECTED', `${rejected.length} item(s) invalid; nothing was stored (atomic batch)`, 400, rejected);
        }
        const prepared = valid.map(({ index, item }) => spec.prepare(request.workspaceId, index, item));
        const outcome = await ingestItems(deps.db, request.workspaceId, spec.kind, prepared);
        // The items are safe in the outbox; publishing now only shortens the wait.
        await deps.relay.flush().catch((error: unknown) => request.log.warn({ err: error }, 'publish deferred to the outbox relay'));
        return { accepted: outcome.accepted.length, duplicates: outcome.duplicates.length, rejected };
      },
    );
  }
}
