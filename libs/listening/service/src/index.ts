export * from './build-app.ts';
export * from './consumers/analyze-mentions.consumer.ts';
export * from './listening.config.ts';
