import { describe, expect, it } from 'vitest';

import { createFigures, MISSING } from './figures.ts';

const f = createFigures('en-GB');

describe('figures', () => {
  it('counts carry separators and a true minus', () => {
    expect(f.value('count', 1234567)).toBe('1,234,567');
    expect(f.value('count', -42)).toBe('−42');
  });

  it('missing is a dash, never 0', () => {
    expect(f.value('rate', null)).toBe(MISSING);
    expect(f.value('score', undefined)).toBe(MISSING);
    expect(f.change('rate', { absolute: null, relative: null })).toBe(MISSING);
  });

  it('rates read as percentages and change in percentage points', () => {
    expect(f.value('rate', 0.052)).toBe('5.2%');
    // 5.0 % → 5.2 % is +0.2 pp, not +4 % and not "+0.2 %".
    expect(f.change('rate', { absolute: 0.002, relative: null })).toBe('+0.2 pp');
    expect(f.change('rate', { absolute: -0.013, relative: null })).toBe('−1.3 pp');
  });

  it('counts change in percent', () => {
    expect(f.change('count', { absolute: 81, relative: 0.081 })).toBe('+8.1%');
    expect(f.change('count', { absolute: 5, relative: null })).toBe(MISSING);
    // A change that rounds to nothing carries no sign.
    expect(f.change('count', { absolute: -1, relative: -0.0001 })).toBe('0%');
  });

  it('scores read ×100, signed, and change in points', () => {
    expect(f.value('score', 0.12)).toBe('+12');
    expect(f.value('score', -0.3)).toBe('−30');
    expect(f.value('score', 0)).toBe('0');
    expect(f.change('score', { absolute: -0.03, relative: null })).toBe('−3 pts');
  });

  it('durations in hours and minutes', () => {
    expect(f.value('duration', 65)).toBe('1h 5m');
    expect(f.value('duration', 42.4)).toBe('42m');
  });
});
