import { describe, expect, it } from 'vitest';

import { completeUtf8Length, firstInvalidUtf8 } from './utf8.ts';

describe('completeUtf8Length', () => {
  it('stops before a character cut by the end of a chunk', () => {
    const rocket = Buffer.from('a🚀', 'utf8'); // 1 + 4 bytes
    expect(completeUtf8Length(rocket)).toBe(5);
    expect(completeUtf8Length(rocket.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(Buffer.from('é', 'utf8').subarray(0, 1))).toBe(0);
    expect(completeUtf8Length(Buffer.from('abc'))).toBe(3);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds a Latin-1 byte, an overlong form and a surrogate', () => {
    expect(firstInvalidUtf8(Buffer.from('Caf\xe9 ok', 'latin1'))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from('fine ✓ 🚀', 'utf8'))).toBe(-1);
  });
});
