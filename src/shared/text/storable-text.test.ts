import { describe, expect, it } from 'vitest';
import { storableDeep, storableText } from './storable-text.js';

describe('storableText', () => {
  it('drops NUL and replaces lone surrogates; keeps pairs, controls and everything else', () => {
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('a\ud800b\udfffc')).toBe('a\ufffdb\ufffdc');
    expect(storableText('\udfff\ud800')).toBe('\ufffd\ufffd');
    expect(storableText('😀 \ud83d\ude00')).toBe('😀 😀');
    const kept = '\u0001\u001b[31m\u007f\u0085\u202e<b>&amp;';
    expect(storableText(kept)).toBe(kept);
  });
});

describe('storableDeep', () => {
  it('cleans strings at any depth, copying only what changed', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1, t: true, z: null };
    expect(storableDeep(clean)).toBe(clean);
    const dirty = { a: ['x', { b: 'y\u0000' }], keep: { c: 'c' } };
    const out = storableDeep(dirty);
    expect(out).toEqual({ a: ['x', { b: 'y' }], keep: { c: 'c' } });
    expect(out.keep).toBe(dirty.keep);
    expect(dirty.a[1]).toEqual({ b: 'y\u0000' });
  });

  it('cleans objects without a prototype (query strings) and leaves Buffers alone', () => {
    const q = Object.assign(Object.create(null) as Record<string, string>, { q: '\u0000x' });
    expect(storableDeep(q)).toEqual({ q: 'x' });
    const b = Buffer.from([0]);
    expect(storableDeep({ b }).b).toBe(b);
  });
});
