export * from './api/deck.schema.ts';
export * from './build-app.ts';
export * from './deck.config.ts';
export * from './stories/summary-story.ts';
export * from './compose-deck-service.ts';
