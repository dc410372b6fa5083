/**
 * Byte-level mutations of a whole file, as fast-check values: each mutation is data
 * (operation, position, length, bytes) applied to a base, so a failing case shrinks to the
 * fewest, smallest edits and can be replayed from its seed.
 */
import fc from 'fast-check';

export type ByteMutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'truncate'; at: number };

/** Positions are fractions of the length so that one mutation list fits any base. */
const at = fc.nat({ max: 1_000_000 });

/** Bytes that mean something to the formats: zip signatures, XML and CSV syntax, BOMs, NUL. */
const interesting = fc.constantFrom(
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x01, 0x02],
  [0x50, 0x4b, 0x05, 0x06],
  [0xff, 0xff, 0xff, 0xff],
  [0x00, 0x00, 0x00, 0x00],
  [0x3c, 0x2f], // "</"
  [0x22], // '"'
  [0x09], // TAB
  [0x0d, 0x0a],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xed, 0xa0, 0x80], // a lone surrogate, as CESU-8
  [0xe2, 0x80, 0xae], // U+202E RIGHT-TO-LEFT OVERRIDE
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('set' as const), at, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at,
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      interesting.map((b) => Uint8Array.from(b)),
    ),
  }),
  fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ op: fc.constant('truncate' as const), at }),
);

export const byteMutations = fc.array(byteMutation, { minLength: 1, maxLength: 6 });

/** `arb` one time in `oneIn`, else null. (fc.option's `freq` is the other way round: null one time in freq.) */
export function rarely<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

export function applyByteMutations(base: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let out = base;
  for (const m of mutations) out = applyOne(out, m);
  return out;
}

function applyOne(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  const pos = n === 0 ? 0 : m.at % n;
  switch (m.op) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[pos] = out[pos]! ^ (1 << m.bit);
      return out;
    }
    case 'set': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[pos] = m.value;
      return out;
    }
    case 'insert':
      return concat(bytes.subarray(0, pos), m.bytes, bytes.subarray(pos));
    case 'delete':
      return concat(bytes.subarray(0, pos), bytes.subarray(pos + m.length));
    case 'duplicate':
      return concat(bytes.subarray(0, pos + m.length), bytes.subarray(pos));
    case 'truncate':
      return bytes.slice(0, pos);
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
