import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarTextPairs } from './similar-text-pairs.js';
import { bigrams, similarPairs } from './similarity.js';

/** similarPairs over bigram strings is the oracle: similarTextPairs must give exactly its output. */
const oracle = (texts: string[], threshold: number) => similarPairs(texts.map(bigrams), threshold);

describe('similarTextPairs', () => {
  // Few characters, so texts share bigrams; an astral character and lone surrogates, because
  // `bigrams` splits by code point and so must the integer version.
  const char = fc.constantFrom(...'改革推进建设机制服务数字农户', '𠀋', '\uD800', '\uDC00', 'a', '1', '，');
  const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));
  // Each text either new or an earlier one with a character replaced, so that there are
  // similar pairs at every level, and copies.
  const texts = fc
    .array(fc.tuple(text, fc.nat(), fc.nat(), char, fc.boolean()), { minLength: 1, maxLength: 60 })
    .map((steps) => {
      const out: string[] = [];
      for (const [fresh, from, at, c, copy] of steps) {
        if (!copy || out.length === 0) {
          out.push(fresh);
          continue;
        }
        const base = Array.from(out[from % out.length]!);
        base.splice(at % (base.length + 1), 1, c);
        out.push(base.join(''));
      }
      return out;
    });

  it('gives what similarPairs gives on the bigram sets: the same pairs, in order, same scores', () => {
    let pairs = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom(0.5, 0.7, 0.85, 1), (ts, t) => {
        const expected = oracle(ts, t);
        pairs += expected.length;
        expect(similarTextPairs(ts, t)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(pairs).toBeGreaterThan(300);
  });

  it('takes a one-character text as that character, apart from every bigram', () => {
    const ts = ['改', '改革', '', '改', 'a', '革改', '𠀋'];
    expect(similarTextPairs(ts, 0.5)).toEqual(oracle(ts, 0.5));
    expect(similarTextPairs(ts, 1).map((p) => [p.a, p.b])).toEqual([[0, 3]]);
  });

  it('gives the oracle’s pairs on plan-like entries with many distinct characters', () => {
    // Hundreds of distinct characters (the integer table, not the small alphabet above) and
    // near-copies among them.
    const rnd = (() => {
      let s = 11;
      return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    })();
    const word = () =>
      Array.from({ length: 12 + Math.floor(rnd() * 30) }, () =>
        String.fromCharCode(0x4e00 + Math.floor(rnd() * 600)),
      ).join('');
    const ts: string[] = [];
    for (let i = 0; i < 500; i++) {
      const base = i > 0 && rnd() < 0.4 ? ts[Math.floor(rnd() * i)]! : word();
      const at = Math.floor(rnd() * base.length);
      ts.push(base.slice(0, at) + String.fromCharCode(0x4e00 + Math.floor(rnd() * 600)) + base.slice(at + 1));
    }
    const expected = oracle(ts, 0.85);
    expect(expected.length).toBeGreaterThan(50);
    expect(similarTextPairs(ts, 0.85)).toEqual(expected);
  });
});
