import { describe, expect, it } from 'vitest';

import { FormulaError, parseFormula } from './custom-formula.ts';

describe('parseFormula', () => {
  it('evaluates a formula over base metrics', () => {
    const f = parseFormula('engagements - likes');
    expect(f.metrics.sort()).toEqual(['engagements', 'likes']);
    expect(f.evaluate({ engagements: 500, likes: 320 })).toBe(180);
  });

  it('keeps precedence and parentheses, and unary minus', () => {
    // (10 × 2 + 4) ÷ 4 = 6; −(6) + 1 = −5.
    expect(parseFormula('(shares * 2 + comments) / posts').evaluate({ shares: 10, comments: 4, posts: 4 })).toBe(6);
    expect(parseFormula('-(shares) + 1').evaluate({ shares: 6 })).toBe(-5);
  });

  it('missing is not zero: a missing metric or a division by zero gives null', () => {
    expect(parseFormula('engagements - likes').evaluate({ engagements: 500, likes: null })).toBeNull();
    expect(parseFormula('engagements / impressions').evaluate({ engagements: 5, impressions: 0 })).toBeNull();
  });

  it.each([
    ['engagements - clicks', /clicks is not a base metric/],
    ['sqrt(engagements)', /not allowed/],
    ['engagements ^ 2', /\^ is not allowed/],
    ['import("fs")', /not allowed|cannot be read/],
    ['likes = 3', /not allowed/],
    ['2 + 3', /at least one metric/],
    ['engagements +', /cannot be read/],
    ['"text" + likes', /not a number|not allowed/],
  ])('refuses %s', (text, message) => {
    expect(() => parseFormula(text)).toThrow(FormulaError);
    expect(() => parseFormula(text)).toThrow(message);
  });
});
