export * from './app-error.ts';
export * from './config.ts';
export * from './error-handler.ts';
export * from './logger.ts';
export * from './run-service.ts';
export * from './service-app.ts';
export * from './common-config.ts';
export * from './openapi-document.ts';
