// For the Prisma CLI (`prisma generate`, and `prisma migrate deploy|status` where the native engine can be
// downloaded). Services never read this file: they build their client from a driver adapter.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // e.g. postgresql://user@host:5432/herald?schema=deck
  datasource: { url: process.env['DATABASE_URL'] },
});
