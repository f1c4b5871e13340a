import { describe, expect, it } from 'vitest';

import { parsePostgresUrl } from './postgres-url.ts';

describe('parsePostgresUrl', () => {
  it("takes Prisma's ?schema= out of the URL handed to pg and reports it", () => {
    expect(parsePostgresUrl('postgresql://u:p@db:5432/herald?schema=analytics&sslmode=require')).toEqual({
      connectionString: 'postgresql://u:p@db:5432/herald?sslmode=require',
      database: 'herald',
      schema: 'analytics',
    });
  });

  it('reports the database name decoded, and no schema when the URL has none', () => {
    expect(parsePostgresUrl('postgres://127.0.0.1/my%20test')).toMatchObject({ database: 'my test', schema: undefined });
  });

  it('rejects what is not a PostgreSQL URL with DB_INVALID_URL', () => {
    expect(() => parsePostgresUrl('mysql://localhost/test')).toThrow(expect.objectContaining({ code: 'DB_INVALID_URL' }));
    expect(() => parsePostgresUrl('not a url')).toThrow(expect.objectContaining({ code: 'DB_INVALID_URL' }));
  });
});
