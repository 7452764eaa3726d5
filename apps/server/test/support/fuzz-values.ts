import fc from 'fast-check';

/** Characters that have fooled servers before: bidi overrides, NUL and other controls, invisible letters, lone surrogates. */
const TRICKY_CHARACTERS = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u3164', '\u115f', '\u1160', '\ufeff', '\ufffd', '\uffff', '\ud800', '\udfff',
  'а', 'е', 'о', 'Ꭺ', 'ı', 'İ', 'ß', 'ﬁ', 'Å', 'Å', '😀', '👨‍👩‍👧', '掼蛋', '\u0301',
];

/** Strings an attacker sends: traversal, injection, format and encoding tricks. */
const TRICKY_STRINGS = [
  '', ' ', '   ', '0', '-1', 'null', 'undefined', 'true', 'NaN', 'Infinity', '[]', '{}',
  '../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2f', '..\\..\\windows\\win.ini', '%00', '%',
  "' OR '1'='1' --", '"; DROP TABLE users; --', '1; SELECT pg_sleep(5)', '$where', '{"$gt":""}',
  '<script>alert(1)</script>', '${jndi:ldap://x/a}', '{{7*7}}', '__proto__', 'constructor', 'prototype',
  '\u3164\u3164\u3164', '\u202eevil', 'a\u0000b', '\r\nX-Injected: 1', 'ＡＤＭＩＮ', 'admin', 'Admin',
  '1'.repeat(80), `0.${'1'.repeat(80)}`, `${'9'.repeat(40)}.${'9'.repeat(40)}`, '1e400', '-0', '0x10', '1_000', ' 1 ', '+1', '.5', '5.',
  '115792089237316195423570985008687907853269984665640564039457584007913129639936',
  'x'.repeat(300), 'é'.repeat(2000),
];

/** A string mixing ordinary text with tricky characters. */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...TRICKY_CHARACTERS), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

/** Numbers at and past every edge: huge, tiny, negative zero, fractions where integers are expected, unsafe integers. */
export const trickyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 1e308, -1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** JSON nested `depth` levels deep, as arrays or objects. */
export function deeplyNested(depth: number, asObjects: boolean): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = asObjects ? { a: value } : [value];
  return value;
}

/** Any hostile JSON value: wrong types, edge numbers, tricky strings, deep nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: trickyString },
  { weight: 2, arbitrary: trickyNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, asObjects]) => deeplyNested(depth, asObjects)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 500, maxLength: 3000 }) },
);

/** Raw request bodies that are not the JSON asked for: broken, empty, doubled, other encodings. */
export const rawBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '{', '}', '[', '{"a":', '{"a":1}{"b":2}', 'null', 'true', '0', '"x"', '[]', '{}', 'undefined', 'NaN',
    '{"a":1,}', "{'a':1}", '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"a":1e999}', `{"a":${'1'.repeat(400)}}`, 'a=1&b=2', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"a":"${'x'.repeat(70_000)}"}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
