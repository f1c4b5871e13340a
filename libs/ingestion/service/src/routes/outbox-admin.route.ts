import type { IngestionDb } from '@herald/ingestion-data-access';
import { errorResponse, notFound, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

import { listFailedOutboxEvents, outboxStateOf, requeueFailedOutboxEvent } from '../outbox/failed-outbox.repository.ts';
import type { OutboxRelay } from '../outbox/outbox-relay.ts';

const FailedOutboxEventSchema = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The event id' }),
  type: Type.Union([Type.String(), Type.Null()], { description: 'The event type, when the stored envelope has one' }),
  topic: Type.String(),
  errorCode: Type.String({ description: 'EVENT_INVALID (the event does not match its schema), MESSAGE_TOO_LARGE, … (refused by the broker)' }),
  error: Type.String(),
  createdAt: Type.String({ format: 'date-time', description: 'When the event entered the outbox' }),
  failedAt: Type.String({ format: 'date-time' }),
  event: Type.Unknown({ description: 'The stored event, as the relay tried to publish it' }),
});

const FailedListSchema = Type.Object({ items: Type.Array(FailedOutboxEventSchema) });
const FailedParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const FailedQuerySchema = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }, { additionalProperties: false });
const RetryResultSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: Type.Union([Type.Literal('published'), Type.Literal('pending'), Type.Literal('failed'), Type.Literal('unknown')], {
    description: 'published: it went out; pending: it waits for the broker; failed: it failed again (see the list for the new error)',
  }),
});

/**
 * Outbox rows the relay moved aside because they could never be published: listed with their
 * error, and put back in the outbox once the cause is fixed (the broker's size limit raised, …).
 * An admin sees and re-queues only their own workspace's rows.
 */
export function registerOutboxAdminRoutes(app: ServiceApp, deps: { db: IngestionDb; relay: OutboxRelay }): void {
  app.get(
    '/v1/admin/outbox/failed',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listFailedOutboxEvents',
        tags: ['admin'],
        summary: 'Outbox events of this workspace that could not be published, newest failure first, with their error',
        querystring: FailedQuerySchema,
        response: { 200: FailedListSchema },
      },
    },
    async (request) => ({ items: await listFailedOutboxEvents(deps.db, request.principal.workspaceId, { limit: request.query.limit }) }),
  );

  app.post(
    '/v1/admin/outbox/failed/:id/retry',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'retryFailedOutboxEvent',
        tags: ['admin'],
        summary: 'Put a failed outbox event back in the outbox, at its old place, and try to publish it now',
        params: FailedParamsSchema,
        response: { 200: RetryResultSchema, 404: errorResponse('No failed outbox event with this id in the workspace (NOT_FOUND)') },
      },
    },
    async (request) => {
      const { id } = request.params;
      // Another workspace's row is answered exactly like a missing one.
      if (!(await requeueFailedOutboxEvent(deps.db, request.principal.workspaceId, id))) throw notFound(`Failed outbox event ${id}`);
      await deps.relay.flush().catch((error: unknown) => request.log.warn({ err: error }, 'publish deferred to the outbox relay'));
      return { id, state: await outboxStateOf(deps.db, id) };
    },
  );
}
