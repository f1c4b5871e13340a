import { describe, expect, it } from 'vitest';

import { validationDetails } from './error-handler.ts';

describe('validationDetails', () => {
  it('folds a failed union of literals into one "must be one of" naming the choices', () => {
    const issues = [
      { keyword: 'const', instancePath: '/metric', params: { allowedValue: 'posts' }, message: 'must be equal to constant' },
      { keyword: 'const', instancePath: '/metric', params: { allowedValue: 'engagements' }, message: 'must be equal to constant' },
      { keyword: 'anyOf', instancePath: '/metric', params: {}, message: 'must match a schema in anyOf' },
    ];
    expect(validationDetails(issues, 'body')).toEqual([{ field: 'body.metric', message: 'must be one of posts, engagements' }]);
  });

  it('names query fields query.*, as the routes own checks do', () => {
    expect(validationDetails([{ keyword: 'type', instancePath: '/limit', message: 'must be integer' }], 'querystring')).toEqual([
      { field: 'query.limit', message: 'must be integer' },
    ]);
  });

  it('keeps other failures as they are, one per issue, and names a missing property', () => {
    const issues = [
      { keyword: 'type', instancePath: '/target', params: { type: 'number' }, message: 'must be number' },
      { keyword: 'required', instancePath: '', params: { missingProperty: 'from' }, message: "must have required property 'from'" },
    ];
    expect(validationDetails(issues, 'body')).toEqual([
      { field: 'body.target', message: 'must be number' },
      { field: 'body.from', message: "must have required property 'from'" },
    ]);
  });
});
