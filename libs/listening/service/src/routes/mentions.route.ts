import type { ListeningDb } from '@herald/listening-data-access';
import { isIntent } from '@herald/listening-intents';
import type { ServiceApp } from '@herald/service-kit';

import { MentionsPageSchema, MentionsQuerySchema } from '../api/mentions.schema.ts';

export function registerMentionsRoute(app: ServiceApp, db: ListeningDb): void {
  app.get(
    '/v1/listening/mentions',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listMentions',
        tags: ['listening'],
        summary: 'Analyzed mentions, newest first, filtered and paginated',
        querystring: MentionsQuerySchema,
        response: { 200: MentionsPageSchema },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const { label, language, intent, brand, q, limit, cursor } = request.query;
      const rows = await db.prisma.mentionAnalysis.findMany({
        where: {
          workspaceId,
          ...(label ? { label } : {}),
          ...(language ? { language } : {}),
          ...(intent ? { intent } : {}),
          ...(brand ? { brandIds: { has: brand.toLowerCase() } } : {}),
          ...(q ? { text: { contains: q, mode: 'insensitive' as const } } : {}),
        },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor.toLowerCase() }, skip: 1 } : {}),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          network: r.network,
          networkMentionId: r.networkMentionId,
          text: r.text,
          occurredAt: r.occurredAt.toISOString(),
          language: r.language,
          score: r.score,
          label: r.label,
          scored: r.scored,
          drivers: r.drivers,
          intent: isIntent(r.intent) ? r.intent : null,
          intentConfidence: r.intentConfidence,
          topics: r.topics,
          brandIds: r.brandIds,
        })),
        nextCursor: rows.length > limit ? String(page.at(-1)?.id ?? '') : null,
      };
    },
  );
}
