import pg from 'pg';

import { DATABASE_URL } from './bench-env.ts';

/** Resolves once the outbox holds at least `count` rows and every one is published (acknowledged by Kafka). */
export async function waitForPublished(schema: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ total: string; pending: string }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE published_at IS NULL) AS pending FROM "${schema}".outbox_events`,
      );
      if (Number(rows[0]?.total) >= count && Number(rows[0]?.pending) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
