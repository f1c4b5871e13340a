export * from './alerts/raise-alerts.ts';
export * from './build-app.ts';
export * from './consumers/analyze-mentions.consumer.ts';
export * from './listening.config.ts';
export * from './summary/listening-summary.ts';
export * from './compose-listening-service.ts';
