import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, scaleDecimal } from './chinese-numerals.js';

describe('parseChineseNumeral', () => {
  it.each<[string, number | null]>([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['四十五', 45],
    ['百', 100],
    ['一百零五', 105],
    ['一千二百', 1200],
    ['三千七百零八', 3708],
    ['五万', 50000],
    ['一亿二千万', 120000000],
    ['二〇二二', 2022],
    ['二〇二五', 2025],
    ['〇', 0],
    ['', null],
    ['十x', null],
  ])('%j → %s', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected);
  });
});

describe('scaleDecimal', () => {
  it.each<[string, number, number]>([
    ['15', 8, 1500000000],
    ['1.2', 8, 120000000],
    ['3.6', 4, 36000],
    ['0.28', 4, 2800],
    ['2.36', 0, 2.36],
    ['1.005', 3, 1005],
  ])('%s × 10^%i = %i, without floating-point noise', (num, power, expected) => {
    expect(scaleDecimal(num, power)).toBe(expected);
  });
});
