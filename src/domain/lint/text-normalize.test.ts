import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charCount, comparable, goalSentences, lettersAndDigits } from './text-normalize.js';

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

describe('lettersAndDigits', () => {
  const byRegExp = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

  it('keeps what the regular expression keeps, in any text', () => {
    // Plan-like characters (Han, full-width, punctuation, digits, letters, Roman numerals,
    // circled numbers) and any code unit at all, lone surrogates included.
    const planChar = fc.constantFrom(...'改革１２ＡＢ，。；“”、 \t\n3aZ％Ⅻ①²ǅß', '𠀋');
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.array(fc.oneof(planChar, anyUnit), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(lettersAndDigits(s)).toBe(byRegExp(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every BMP letter and digit and drops everything else, code unit by code unit', () => {
    // Surrogates excluded: alone they are neither, and in a pair they are one astral character.
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    expect(lettersAndDigits(all)).toBe(byRegExp(all));
  });
});

describe('charCount', () => {
  it('counts what Array.from counts: a surrogate pair once, a lone surrogate once', () => {
    const unit = fc.oneof(
      fc.constantFrom('改', 'a', '𠀋', '\uD800', '\uDC00'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const s = units.join('');
        expect(charCount(s)).toBe(Array.from(s).length);
      }),
      { numRuns: 2000 },
    );
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
