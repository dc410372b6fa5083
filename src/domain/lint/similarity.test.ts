import { describe, expect, it } from 'vitest';
import { bigrams, dice, similarPairs } from './similarity.js';

describe('dice', () => {
  it.each([
    ['identical', '推进中高职专业一体化课程建设', '推进中高职专业一体化课程建设', 1],
    [
      'one word changed (县→市)',
      '低收入农户与全县农民收入倍差缩小',
      '低收入农户与全市农民收入倍差缩小',
      0.857,
    ],
    ['nothing shared', '创新农户资产评估模型', '完善海洋气象监测站网', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(dice(bigrams(a), bigrams(b))).toBeCloseTo(expected, 2);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('similarPairs', () => {
  const pool = '改革推进建设完善机制服务体系数字化农户企业创新平台试点监测保障';
  const rnd = lcg(7);
  const randomText = () =>
    Array.from({ length: 8 + Math.floor(rnd() * 20) }, () => pool[Math.floor(rnd() * pool.length)]).join('');
  // Half the texts are edits of earlier ones, so there are pairs at every level of similarity.
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const base = i > 10 && rnd() < 0.5 ? texts[Math.floor(rnd() * i)]! : randomText();
    const at = Math.floor(rnd() * base.length);
    texts.push(
      rnd() < 0.5 ? base : base.slice(0, at) + pool[Math.floor(rnd() * pool.length)] + base.slice(at + 1),
    );
  }
  const sets = texts.map(bigrams);

  it.each([0.5, 0.7, 0.85, 1])('finds exactly the pairs a full comparison finds (threshold %s)', (t) => {
    const brute: string[] = [];
    for (let b = 0; b < sets.length; b++)
      for (let a = 0; a < b; a++) if (dice(sets[a]!, sets[b]!) >= t) brute.push(`${a}-${b}`);
    const fast = similarPairs(sets, t).map((p) => `${p.a}-${p.b}`);
    expect(fast.sort()).toEqual(brute.sort());
    expect(brute.length).toBeGreaterThan(0);
  });
});
