export * from './probes.ts';
export * from './require-service.ts';
export * from './test-env.ts';
export * from './unique-name.ts';
