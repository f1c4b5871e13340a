import { describe, expect, it } from 'vitest';

import { normaliseLanguageCode } from './detect-language.ts';

describe('normaliseLanguageCode', () => {
  it.each([
    ['en', 'eng'],
    ['EN-gb', 'eng'],
    ['pt_BR', 'por'],
    ['spa', 'spa'],
    ['pl', 'pol'],
    ['xx', 'xx'],
  ])('reads %j as %j', (given, code) => {
    expect(normaliseLanguageCode(given)).toBe(code);
  });

  it.each(['', 'und', 'zxx', 'qme', 'qht', 'not a code', undefined])('treats %j as unknown', (given) => {
    expect(normaliseLanguageCode(given)).toBeUndefined();
  });
});
