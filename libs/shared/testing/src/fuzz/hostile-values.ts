import fc from 'fast-check';

/**
 * Values an attacker or a broken export sends. Each list names the class of bug it is there
 * for; generators below mix them with plain random data.
 */

/** Text PostgreSQL, JSON or a parser chokes on, or that means something to some layer. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\uD800', // lone high surrogate
  'lone \uDC00 low',
  '\uDBFF\uDFFF', // a valid pair, the last code point
  '\uFFFD\uFEFF\u200B', // replacement, BOM, zero width space
  '\u202Eevil', // right-to-left override
  'e\u0301\u0301\u0301', // stacked combining marks
  '😀'.repeat(64),
  'a'.repeat(10_000),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE posts; --",
  '%',
  '%00',
  '%ZZ',
  '%2e%2e%2f',
  '../../../../etc/passwd',
  '\\',
  '\r\n\r\n',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  '２０２６', // full-width digits
];

/** Numbers at and past the edges of int32, doubles and JSON. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
];

/** Number-like text, as query strings and CSVs carry numbers. */
export const HOSTILE_NUMERIC_TEXT: readonly string[] = [
  '0',
  '-0',
  '01',
  '1.0',
  '1e3',
  '1e308',
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '2147483648',
  '9007199254740993',
  '99999999999999999999999',
  '0x10',
  ' 1',
  '1 ',
  '+1',
  '--1',
  '',
];

/** Dates and instants: impossible days, the ends of the calendar, and what is almost ISO 8601. */
export const HOSTILE_DATES: readonly string[] = [
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '-006060-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '2026-02-29T00:00:00Z',
  '2024-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T10:00:00+25:00',
  '2026-01-01T10:00:00',
  '2026-01-01 10:00:00',
  '2026-1-1',
  '20260101',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-01-01T00:00:00.123456789Z',
  '2026-W01',
  'now',
  'yesterday',
];

/** Well-formed dates at the ends of the calendar: they pass a format check and break what comes after it. */
export const EDGE_DATES: readonly string[] = ['0000-01-01', '0001-01-01', '0099-12-31', '1000-01-01', '1969-12-31', '1970-01-01', '2024-02-29', '9999-12-31'];
export const EDGE_INSTANTS: readonly string[] = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2026-03-29T01:30:00+01:00',
  '2026-12-31T23:59:59-14:00',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59-12:00',
];

/** Any of the above as a string. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_NUMERIC_TEXT, ...HOSTILE_DATES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    // Lone surrogates and NUL anywhere in otherwise plain text.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 12 }), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uD83D'), fc.string({ maxLength: 12 }))
        .map(([a, bad, b]) => `${a}${bad}${b}`),
    },
  );

/** A JSON number or the text of one at the edges. */
export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.integer() },
  );

/** Keys that reach the prototype chain or look like one in a query parser. */
export const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', '', ' ', '\u0000', '\uD800', 'a.b', 'a[b]', '$where', 'toString'];

/** A JSON value of any shape, hostile leaves included. */
export const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      hostileNumber(),
      hostileText(),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

/**
 * JSON text nested deeper than any handler expects: arrays or objects `depth` levels down. Text,
 * not a value: serializing such a value recursively would overflow the test's own stack.
 */
export const deeplyNestedJson = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean())
    .map(([depth, asArray]) => (asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"items":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A long array of one repeated value: cheap to build, expensive to validate item by item. */
export const hugeArray = (item: fc.Arbitrary<unknown> = hostileJson()): fc.Arbitrary<unknown[]> =>
  fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), item).map(([length, value]) => Array.from({ length }, () => value));
