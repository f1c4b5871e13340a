export * from './api/batch.schema.ts';
export * from './api/import.schema.ts';
export * from './api/keys.schema.ts';
export * from './auth/api-keys.ts';
export * from './build-app.ts';
export * from './ingestion.config.ts';
export * from './outbox/outbox-relay.ts';
export * from './compose-ingestion-service.ts';
