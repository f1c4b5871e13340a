export * from './api-failure.ts';
