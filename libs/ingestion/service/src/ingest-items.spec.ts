import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ingestItems } from './ingest-items.ts';
import { prepareMention, preparePost } from './prepare-items.ts';
import { createIngestionTestKit, post, type IngestionTestKit } from './testing/ingestion-test-kit.ts';

describe('ingestItems', () => {
  let kit: IngestionTestKit;
  beforeAll(async () => {
    kit = await createIngestionTestKit();
  });
  afterAll(() => kit?.close());

  it('refuses an item whose event could never be published (workspace ""), and stores nothing of it', async () => {
    const outcome = await ingestItems(kit.db, '', [preparePost('', 0, { ...post('p1'), network: 'x', contentType: 'text', tags: [] })]);
    expect(outcome.accepted).toEqual([]);
    expect(outcome.rejected).toEqual([{ index: 0, field: 'workspaceId', reason: expect.stringMatching(/cannot be published: workspaceId/) }]);
    expect(await kit.db.prisma.outboxEvent.count()).toBe(0);
    expect(await kit.db.prisma.ingestedItem.count()).toBe(0);
  });

  it('names the item field when the event payload is what fails, and keeps the valid items', async () => {
    const mention = { network: 'x' as const, networkMentionId: 'm1', kind: 'mention' as const, text: 'hi', occurredAt: '2026-01-01T00:00:00Z' };
    // Built by hand, past the item schema: an event check is the last line before the outbox.
    const bad = prepareMention('a', 1, { ...mention, networkMentionId: 'm2', occurredAt: 'yesterday' });
    const outcome = await ingestItems(kit.db, 'a', [prepareMention('a', 0, mention), bad]);
    expect(outcome.accepted).toEqual([0]);
    expect(outcome.rejected).toEqual([{ index: 1, field: 'occurredAt', reason: expect.stringMatching(/cannot be published/) }]);
    expect(await kit.db.prisma.outboxEvent.count()).toBe(1);
    expect(await kit.db.prisma.ingestedItem.count()).toBe(1);
  });
});
