// Only `prisma dev` imports this (lazily, to start a local durable-streams server). Herald runs
// its own PostgreSQL or PGlite and never starts `prisma dev`, so this says so instead.
export async function startLocalDurableStreamsServer() {
  throw new Error('`prisma dev` is not part of Herald: use the PostgreSQL of docker-compose.yml or `npm start` (embedded PGlite).');
}
