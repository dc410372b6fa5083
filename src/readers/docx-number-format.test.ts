import { describe, expect, it } from 'vitest';
import { formatCounter } from './docx-number-format.js';
import { formatBytes } from './human-size.js';

describe('formatCounter', () => {
  it('counts in Chinese the way numbers are read', () => {
    const cn = [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1001, 1010, 2345];
    expect(cn.map((n) => formatCounter(n, 'chineseCounting'))).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一百一十一',
      '一千',
      '一千零一',
      '一千零一十',
      '二千三百四十五',
    ]);
    expect([10, 11, 105].map((n) => formatCounter(n, 'chineseLegalSimplified'))).toEqual([
      '壹拾',
      '壹拾壹',
      '壹佰零伍',
    ]);
    expect([10, 2022].map((n) => formatCounter(n, 'ideographDigital'))).toEqual(['一〇', '二〇二二']);
  });

  it('draws stems, branches, circled and full-width digits, letters and romans', () => {
    expect([1, 10, 11].map((n) => formatCounter(n, 'ideographTraditional'))).toEqual(['甲', '癸', '甲']);
    expect([1, 12].map((n) => formatCounter(n, 'ideographZodiac'))).toEqual(['子', '亥']);
    expect([1, 20, 21].map((n) => formatCounter(n, 'decimalEnclosedCircle'))).toEqual(['①', '⑳', '21']);
    expect(formatCounter(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatCounter(12, 'decimalFullWidth')).toBe('１２');
    expect([1, 26, 27, 53].map((n) => formatCounter(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'aaa']);
    expect([4, 9, 14, 1994].map((n) => formatCounter(n, 'upperRoman'))).toEqual([
      'IV',
      'IX',
      'XIV',
      'MCMXCIV',
    ]);
    expect(formatCounter(7, 'none')).toBe('');
    expect(formatCounter(7, 'someFutureFormat')).toBe('7');
  });
});

describe('formatBytes', () => {
  it('uses the largest unit that keeps the number readable', () => {
    expect(
      [0, 1023, 1024, 1536, 50 * 1024 * 1024, 52.44 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes),
    ).toEqual(['0 B', '1023 B', '1 KB', '1.5 KB', '50 MB', '52.4 MB', '3 GB']);
  });
});
