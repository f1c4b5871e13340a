import { describe, expect, it } from 'vitest';

import { isTransientDatabaseError } from './prisma-errors.ts';

describe('isTransientDatabaseError', () => {
  it('recognises an unreachable or overloaded database, also inside a wrapping error', () => {
    expect(isTransientDatabaseError(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(
      isTransientDatabaseError(
        new Error('adapter failed', { cause: { kind: 'postgres', code: '57P01', message: 'terminating connection due to administrator command' } }),
      ),
    ).toBe(true);
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it.each([
    'Client has encountered a connection error and is not queryable',
    'Connection ended unexpectedly',
    'the database system is shutting down',
    'the database system is starting up',
    'Server has closed the connection.',
  ])('treats a database that is restarting as transient: %s', (message) => {
    expect(isTransientDatabaseError(new Error('query failed', { cause: new Error(message) }))).toBe(true);
  });

  it('leaves data errors to the dead-letter rules', () => {
    expect(isTransientDatabaseError(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
    expect(isTransientDatabaseError(new Error('invalid input syntax for type uuid', { cause: { code: '22P02' } }))).toBe(false);
    expect(isTransientDatabaseError(new Error('metrics for unknown post x:1'))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });
});
