import type { AnalyticsClient } from '@herald/analytics-client';
import type { DeckDb } from '@herald/deck-data-access';
import { renderDeck } from '@herald/deck-slides';
import { AppError, notFound, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

import { CreateDeckBodySchema, DeckIdParamsSchema, DeckInfoSchema, DeckListQuerySchema } from '../api/deck.schema.ts';
import { buildSummaryDeck } from '../stories/summary-story.ts';

const DAY = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** "Nov 1 – 30, 2026": the exclusive end shown as the last day people think of. */
const label = (from: Date, to: Date) => dayFormat.formatRange(from, new Date(Math.max(from.getTime(), to.getTime() - DAY)));

export interface DecksRouteDeps {
  db: DeckDb;
  analytics: AnalyticsClient;
  assetBaseUrl: string;
}

export function registerDeckRoutes(app: ServiceApp, deps: DecksRouteDeps): void {
  const info = (d: { id: string; workspaceId: string; title: string; audience: string; periodFrom: Date; periodTo: Date; createdAt: Date }) => ({
    id: d.id,
    workspaceId: d.workspaceId,
    title: d.title,
    audience: d.audience,
    from: d.periodFrom.toISOString(),
    to: d.periodTo.toISOString(),
    createdAt: d.createdAt.toISOString(),
    url: `/v1/decks/${d.id}`,
  });

  app.post(
    '/v1/decks',
    { schema: { operationId: 'createDeck', tags: ['decks'], summary: 'Build a deck for a period and an audience', body: CreateDeckBodySchema, response: { 201: DeckInfoSchema } } },
    async (request, reply) => {
      const { workspaceId, audience } = request.body;
      const from = new Date(`${request.body.from}T00:00:00.000Z`);
      const to = new Date(`${request.body.to}T00:00:00.000Z`);
      if (to <= from) throw new AppError('PERIOD_INVALID', 'to must be after from', 400, [{ field: 'body.to', message: 'must be after from' }]);
      const prevFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
      const [current, previous] = await Promise.all([
        deps.analytics.getSummary({ workspaceId, from: from.toISOString(), to: to.toISOString() }),
        deps.analytics.getSummary({ workspaceId, from: prevFrom.toISOString(), to: from.toISOString() }),
      ]);
      const deck = buildSummaryDeck({ current, previous, audience, periodLabel: label(from, to), previousLabel: label(prevFrom, from) });
      const html = renderDeck(deck, { assetBaseUrl: deps.assetBaseUrl });
      const stored = await deps.db.prisma.deck.create({ data: { workspaceId, title: deck.title, audience, periodFrom: from, periodTo: to, html } });
      return reply.status(201).send(info(stored));
    },
  );

  app.get(
    '/v1/decks',
    { schema: { operationId: 'listDecks', tags: ['decks'], summary: 'Decks of a workspace, newest first', querystring: DeckListQuerySchema, response: { 200: Type.Object({ items: Type.Array(DeckInfoSchema) }) } } },
    async (request) => {
      const rows = await deps.db.prisma.deck.findMany({
        where: { workspaceId: request.query.workspaceId },
        orderBy: { createdAt: 'desc' },
        take: request.query.limit,
        select: { id: true, workspaceId: true, title: true, audience: true, periodFrom: true, periodTo: true, createdAt: true },
      });
      return { items: rows.map(info) };
    },
  );

  app.get(
    '/v1/decks/:id',
    { schema: { operationId: 'openDeck', tags: ['decks'], summary: 'The deck as a Reveal.js page', params: DeckIdParamsSchema, produces: ['text/html'] } },
    async (request, reply) => {
      const deck = await deps.db.prisma.deck.findUnique({ where: { id: request.params.id }, select: { html: true } });
      if (!deck) throw notFound('deck');
      return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:").send(deck.html);
    },
  );
}
