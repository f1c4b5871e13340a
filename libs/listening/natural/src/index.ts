export * from './require-natural.ts';
