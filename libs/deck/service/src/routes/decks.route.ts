import { createHash, randomBytes } from 'node:crypto';

import type { AnalyticsClient } from '@herald/analytics-client';
import type { DeckDb } from '@herald/deck-data-access';
import { renderDeck } from '@herald/deck-slides';
import { AppError, errorResponse, notFound, presentedKey, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

import {
  CreateDeckBodySchema,
  CreatedDeckSchema,
  DeckIdParamsSchema,
  DeckInfoSchema,
  DeckListQuerySchema,
  ShareTokenParamsSchema,
} from '../api/deck.schema.ts';
import { buildSummaryDeck } from '../stories/summary-story.ts';

const DAY = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** "Nov 1 – 30, 2026": the exclusive end shown as the last day people think of. */
const label = (from: Date, to: Date) => dayFormat.formatRange(from, new Date(Math.max(from.getTime(), to.getTime() - DAY)));

/** Where a deck opens without a key; the token is the only secret in it. */
export const SHARE_PREFIX = '/share/decks/';

/** Decks run only their own scripts, and no other site may frame them (clickjacking). */
export const DECK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'none'; object-src 'none'";

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface DecksRouteDeps {
  db: DeckDb;
  analytics: AnalyticsClient;
  assetBaseUrl: string;
  /** Base URL people open decks at (PUBLIC_URL); share links are paths on this service without it. */
  publicUrl?: string | undefined;
}

export function registerDeckRoutes(api: ServiceApp, deps: DecksRouteDeps): void {
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

  api.post(
    '/v1/decks',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'createDeck',
        tags: ['decks'],
        summary: 'Build a deck for a period and an audience',
        body: CreateDeckBodySchema,
        response: {
          201: CreatedDeckSchema,
          400: errorResponse(
            'The period is invalid: to is not after from (PERIOD_INVALID), or analytics refused it; or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
          ),
        },
      },
    },
    async (request, reply) => {
      const { audience } = request.body;
      const { workspaceId } = request.principal;
      const from = new Date(`${request.body.from}T00:00:00.000Z`);
      const to = new Date(`${request.body.to}T00:00:00.000Z`);
      if (to <= from) throw new AppError('PERIOD_INVALID', 'to must be after from', 400, [{ field: 'body.to', message: 'must be after from' }]);
      const prevFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
      // Analytics is asked with the caller's own key: it decides the workspace, never this service.
      const credentials = { apiKey: presentedKey(request)! };
      const [current, previous] = await Promise.all([
        deps.analytics.getSummary({ from: from.toISOString(), to: to.toISOString() }, credentials),
        deps.analytics.getSummary({ from: prevFrom.toISOString(), to: from.toISOString() }, credentials),
      ]);
      const deck = buildSummaryDeck({ current, previous, audience, periodLabel: label(from, to), previousLabel: label(prevFrom, from) });
      const html = renderDeck(deck, { assetBaseUrl: deps.assetBaseUrl });
      const token = randomBytes(32).toString('base64url');
      const stored = await deps.db.prisma.deck.create({
        data: { workspaceId, title: deck.title, audience, periodFrom: from, periodTo: to, html, shareTokenHash: hashToken(token) },
      });
      const sharePath = `${SHARE_PREFIX}${token}`;
      return reply.status(201).send({ ...info(stored), shareUrl: deps.publicUrl ? new URL(sharePath, deps.publicUrl).toString() : sharePath });
    },
  );

  api.get(
    '/v1/decks',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listDecks',
        tags: ['decks'],
        summary: 'Decks of the workspace, newest first',
        querystring: DeckListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(DeckInfoSchema) }) },
      },
    },
    async (request) => {
      const rows = await deps.db.prisma.deck.findMany({
        where: { workspaceId: request.principal.workspaceId },
        orderBy: { createdAt: 'desc' },
        take: request.query.limit,
        select: { id: true, workspaceId: true, title: true, audience: true, periodFrom: true, periodTo: true, createdAt: true },
      });
      return { items: rows.map(info) };
    },
  );

  api.get(
    '/v1/decks/:id',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'openDeck',
        tags: ['decks'],
        summary: 'The deck as a Reveal.js page',
        params: DeckIdParamsSchema,
        response: {
          200: { description: 'The deck: a Reveal.js page', content: { 'text/html': { schema: Type.String() } } },
          404: errorResponse('No deck with this id in the workspace (NOT_FOUND)'),
        },
      },
    },
    async (request, reply) => {
      const deck = await deps.db.prisma.deck.findFirst({
        where: { id: request.params.id, workspaceId: request.principal.workspaceId },
        select: { html: true },
      });
      if (!deck) throw notFound('deck');
      return reply.type('text/html; charset=utf-8').header('content-security-policy', DECK_CSP).header('cache-control', 'private, no-store').send(deck.html);
    },
  );
}

/** The share link: the deck for whoever holds the token, no key needed (browsers cannot send one). */
export function registerShareRoute(app: ServiceApp, deps: Pick<DecksRouteDeps, 'db'>): void {
  app.get(`${SHARE_PREFIX}:token`, { config: { public: true }, schema: { hide: true, params: ShareTokenParamsSchema } }, async (request, reply) => {
    const deck = await deps.db.prisma.deck.findUnique({ where: { shareTokenHash: hashToken(request.params.token) }, select: { html: true } });
    if (!deck) throw notFound('deck');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DECK_CSP)
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(deck.html);
  });
}
