import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRepeats, findRepeatsByCharacters, repeatedPhrases } from './repeated-phrase.js';
import { lintItem } from '../../../test/helpers/lint-item.factory.js';

describe('findRepeats', () => {
  it.each([
    [
      'Sanmen item 5',
      '对接落实低担保费低担保费低门槛的专项产品，扩大信保支持低收入群体的覆盖面',
      ['低担保费'],
    ],
    ['a doubled unit name', '由县农业农村局县农业农村局牵头负责', ['县农业农村局']],
    ['a doubled year', '2022年2022年12月底前完成验收', ['2022年']],
    [
      'two slips in one entry',
      '推进数字化改革数字化改革，建设共享法庭共享法庭场景',
      ['数字化改革', '共享法庭'],
    ],
    ['a unit typed four times, once', '打造智慧心园智慧心园智慧心园智慧心园项目', ['智慧心园']],
  ])('finds %s', (_name, text, expected) => {
    expect(findRepeats(text).map((r) => r.text)).toEqual(expected);
  });

  it.each([
    ['two-character reduplication (ABAB)', '组织专家研究研究，商量商量再定'],
    ['three-character distributive repeat', '一件事一件事地抓落实'],
    ['AABB reduplication', '高高兴兴过年，层层落实责任'],
    ['a word listed, not doubled', '推进中高职专业一体化课程建设、一体化教材开发、一体化教研体系构建'],
    ['a doubled phrase split by punctuation', '“每周一日”文明出行、“每月一日”全民共建'],
    ['a run of one character', '哈哈哈哈哈哈哈哈'],
    ['digits only', '热线电话12341234'],
    ['parallel slogans', '小事不出村、大事不出镇、纠纷不上交'],
  ])('ignores %s', (_name, text) => {
    expect(findRepeats(text)).toEqual([]);
  });
});

describe('findRepeats against findRepeatsByCharacters (the plain version)', () => {
  // Texts made of pieces, some of them a unit typed two to four times, and units that hold a
  // repeat themselves (which of the two is reported depends on trying the longest first); few
  // characters, so units also recur by chance; punctuation, digits, letters for WORD and HAN.
  // 昹 (U+6639) shares 改's (U+6539) bucket of codes in findRepeats: told apart or not, it shows.
  const char = fc.constantFrom(...'改革数字化共享法庭哈昹', '，', '2', 'a');
  const typedAgain = (u: fc.Arbitrary<string>) =>
    fc.oneof(
      u,
      fc.tuple(u, fc.integer({ min: 2, max: 4 })).map(([s, n]) => s.repeat(n)),
    );
  const unit = typedAgain(fc.array(char, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')));
  const block = fc.array(unit, { minLength: 1, maxLength: 3 }).map((us) => us.join(''));
  const bmpText = fc.array(typedAgain(block), { maxLength: 8 }).map((ps) => ps.join(''));

  it('finds the same repeats in BMP text', () => {
    let found = 0;
    fc.assert(
      fc.property(bmpText, (text) => {
        const expected = findRepeatsByCharacters(text);
        found += expected.length;
        expect(findRepeats(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(200);
  });

  it('finds the same repeats, at character indexes, in text with surrogate pairs', () => {
    const text = '𠀋推进数字化改革数字化改革𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋';
    expect(findRepeats(text)).toEqual([{ text: '数字化改革', at: 3 }]);
    expect(findRepeats(text)).toEqual(findRepeatsByCharacters(text));
  });
});

describe('DUPLICATE_TEXT.repeat', () => {
  it('reports each repeat with its column and an excerpt showing it', () => {
    const item = lintItem({
      number: 5,
      title: '信保基金助富（小微金融助富改革）',
      measures: [
        '依托国有担保机构做优做实人才担保、科技担保、创业担保等，支持人才创业创新。对接落实低担保费低担保费低门槛的专项产品，扩大信保支持低收入群体的覆盖面；',
      ],
      goals: '2022年12月底前，进一步对接落实科技担保、创业担保等领域的产品创新和升级；',
      achievements: ['助力信保基金扩面增量扩面增量。'],
    });
    expect(repeatedPhrases(item)).toEqual([
      {
        code: 'DUPLICATE_TEXT',
        severity: 'warning',
        variant: 'repeat',
        item: 5,
        field: 'measures',
        excerpt:
          '…持人才创业创新。对接落实低担保费低担保费低门槛的专项产品，扩大信保支持低收入群体的覆盖面；',
        params: { text: '低担保费' },
      },
      {
        code: 'DUPLICATE_TEXT',
        severity: 'warning',
        variant: 'repeat',
        item: 5,
        field: 'achievements',
        excerpt: '助力信保基金扩面增量扩面增量。',
        params: { text: '扩面增量' },
      },
    ]);
  });
});
