import { describe, expect, it } from 'vitest';
import { bigrams, dice, similarPairs } from './similarity.js';
import { comparable, goalSentences } from './text-normalize.js';

describe('comparable', () => {
  it.each([
    ['list marker and punctuation go', '1.加快实施准入准营“一件事”改革；', '加快实施准入准营一件事改革'],
    [
      'marker glued to a year, and the date, go',
      '1.2022年3月底前，上线10个准营“一件事”应用；',
      '上线10个准营一件事应用',
    ],
    ['Chinese marker', '（二）引培高质量创新主体，提升自主创新能力', '引培高质量创新主体提升自主创新能力'],
    ['"一是" marker', '一是坚持土地经营权适度规模经营', '坚持土地经营权适度规模经营'],
    ['full-width digits and letters', '建成５Ｇ基站４００个以上', '建成5g基站400个以上'],
    ['a decimal is not a marker', '2.0版证照分离', '20版证照分离'],
    ['spaces inside words', '城乡 一体、全员共享', '城乡一体全员共享'],
    ['year-level and half-year dates', '到2025年落实资金，上半年完成', '落实资金完成'],
  ])('%s', (_name, input, expected) => {
    expect(comparable(input)).toBe(expected);
  });
});

describe('goalSentences', () => {
  it('splits a goals cell into its sentences, without markers', () => {
    const goals =
      '1.2022年3月底前，上线10个准营“一件事”应用；“三门甜瓜”地理标志证明商标进入初审公告。\n2.2022年6月底前，企业开办一日办结率达到100%。';
    expect(goalSentences(goals)).toEqual([
      '2022年3月底前，上线10个准营“一件事”应用；',
      '“三门甜瓜”地理标志证明商标进入初审公告。',
      '2022年6月底前，企业开办一日办结率达到100%。',
    ]);
  });

  it('splits at a marker Word padded with spaces instead of a line break', () => {
    expect(goalSentences('1. 健全基层服务网络；                  2.稳步扩大覆盖面')).toEqual([
      '健全基层服务网络；',
      '稳步扩大覆盖面',
    ]);
  });
});

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
