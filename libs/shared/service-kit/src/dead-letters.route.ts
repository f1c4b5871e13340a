import { Type } from 'typebox';

import type { StoredDeadLetter } from '@herald/db';

import { AppError } from './app-error.ts';
import { errorResponse } from './openapi/error-body.schema.ts';
import { workspaceOf } from './request-workspace.ts';
import type { ServiceApp } from './service-app.ts';

/** A dead letter as the service keeps it: the row of `createDeadLetterStore` in @herald/db. */
export type DeadLetterRecord = StoredDeadLetter;

export interface DeadLetterRoutesDeps {
  store: {
    list(filter: { workspaceId?: string; limit?: number }): Promise<DeadLetterRecord[]>;
    get(id: string, filter: { workspaceId?: string }): Promise<DeadLetterRecord | null>;
    markReplayed(id: string): Promise<void>;
    markFailed(id: string, error: { code: string; message: string }): Promise<void>;
  };
  /** Runs the consumer's own handler on the letter's event; throws when it fails again. */
  replay(letter: DeadLetterRecord): Promise<void>;
}

const DeadLetterSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  consumer: Type.String(),
  topic: Type.String(),
  partition: Type.Integer(),
  offset: Type.String({ description: 'Kafka offset of the original message (64-bit, as a decimal string)' }),
  key: Type.Union([Type.String(), Type.Null()]),
  eventId: Type.Union([Type.String(), Type.Null()]),
  eventType: Type.Union([Type.String(), Type.Null()]),
  errorCode: Type.String(),
  errorMessage: Type.String(),
  value: Type.Union([Type.String(), Type.Null()], { description: 'the original message as UTF-8 text' }),
  failures: Type.Integer({ description: 'times it failed: the first time, and each failed replay' }),
  firstFailedAt: Type.String({ format: 'date-time' }),
  lastFailedAt: Type.String({ format: 'date-time' }),
  replayedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const ListSchema = Type.Object({ items: Type.Array(DeadLetterSchema) });
const ListQuerySchema = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })) }, { additionalProperties: false });
const ParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const view = (l: DeadLetterRecord) => ({
  id: l.id,
  consumer: l.consumer,
  topic: l.topic,
  partition: l.partition,
  offset: l.offset,
  key: l.key,
  eventId: l.eventId,
  eventType: l.eventType,
  errorCode: l.errorCode,
  errorMessage: l.errorMessage,
  value: l.rawValue ? l.rawValue.toString('utf8') : null,
  failures: l.failures,
  firstFailedAt: l.firstFailedAt.toISOString(),
  lastFailedAt: l.lastFailedAt.toISOString(),
  replayedAt: l.replayedAt?.toISOString() ?? null,
});

const codeOf = (error: Error) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.length > 0 ? code : 'HANDLER_FAILED';
};

/**
 * `GET /v1/admin/dead-letters` and `POST /v1/admin/dead-letters/:id/replay`: the messages the
 * service's consumers gave up on, in the caller's workspace, and a replay through the real
 * handler once the cause is fixed. Handlers are idempotent by event id, so a second replay
 * changes nothing.
 */
export function registerDeadLetterRoutes(app: ServiceApp, deps: DeadLetterRoutesDeps): void {
  app.get(
    '/v1/admin/dead-letters',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listDeadLetters',
        tags: ['admin'],
        summary: "Events this service's consumers dead-lettered, newest first, with their error",
        querystring: ListQuerySchema,
        response: { 200: ListSchema },
      },
    },
    async (request) => {
      const letters = await deps.store.list({ workspaceId: workspaceOf(request), limit: request.query.limit ?? 1000 });
      return { items: letters.map(view) };
    },
  );

  app.post(
    '/v1/admin/dead-letters/:id/replay',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'replayDeadLetter',
        tags: ['admin'],
        summary: 'Runs the consumer on a dead-lettered event again; on success it is marked replayed',
        params: ParamsSchema,
        response: {
          200: DeadLetterSchema,
          404: errorResponse('No dead letter with this id in the workspace (DEAD_LETTER_NOT_FOUND)'),
          422: errorResponse('The event failed again (DEAD_LETTER_REPLAY_FAILED); the letter stays, with the new error'),
        },
      },
    },
    async (request) => {
      const filter = { workspaceId: workspaceOf(request) };
      const letter = await deps.store.get(request.params.id, filter);
      if (!letter) throw new AppError('DEAD_LETTER_NOT_FOUND', `no dead letter ${request.params.id}`, 404);
      try {
        await deps.replay(letter);
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        await deps.store.markFailed(letter.id, { code: codeOf(error), message: error.message });
        throw new AppError('DEAD_LETTER_REPLAY_FAILED', `the event failed again: ${codeOf(error)}: ${error.message.slice(0, 500)}`, 422);
      }
      await deps.store.markReplayed(letter.id);
      return view((await deps.store.get(letter.id, filter)) ?? letter);
    },
  );
}
