import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { canonicalUnit, convertValue, convertible, convertibleUnits } from './unit-conversion.js';

describe('convertValue', () => {
  it.each([
    // value, from, to, expected — figures from the Sanmen plan
    ['1.5', '亿元', '元', 150_000_000], // decimal-safe: not 150000000.00000003
    ['15', '亿元', '元', 1_500_000_000], // “农户家庭资产池”融资达15亿元以上
    [1.2, '亿元', '元', 120_000_000], // 发放贷款超1.2亿元 (a number, still exact)
    ['3000', '万元', '元', 30_000_000], // 实现金融服务额3000万元
    ['0.3', '万元', '元', 3000],
    ['7050', '万元', '元', 70_500_000],
    ['30000000', '元', '万元', 3000], // 元 → 万元
    ['150000000', '元', '亿元', 1.5],
    ['1', '元', '万元', 0.0001],
    ['2.5', '千元', '元', 2500],
    ['1.5', '亿元', '万元', 15_000],
    ['0.5', '万平方米', '平方米', 5000], // 激活闲置农房建筑面积5000平方米以上
    ['0.1', '万亩', '亩', 1000], // 实现盆景种植1000亩
    ['1.2', '万人', '人', 12_000],
    ['95', '%', '%', 95],
    ['９５', '％', '%', 95], // full width
    ['2.36', '', '', 2.36], // 收入倍差缩小到2.36以内: a ratio without a unit
    ['6', '个', '个', 6], // 不少于6个
    ['1', '家', '家', 1], // 建立现代农业服务中心1家
    ['1,200', '万元', '元', 12_000_000],
    ['-0.5', '万元', '元', -5000],
    ['5000', '㎡', '平方米', 5000],
  ] as [string | number, string, string, number][])('%s %s → %s %s', (value, from, to, expected) => {
    expect(convertValue(value, from, to)).toBe(expected);
  });

  it.each([
    ['6', '个', '元'],
    ['1', '家', '个'],
    ['5', '万元', '人'],
    ['5', '万', '元'], // a bare magnitude is not a unit of money
    ['95', '%', ''],
    ['1', '户', '人'],
  ])('refuses %s %s against a %s target: error.unit_mismatch naming the field', (value, from, to) => {
    let error: unknown;
    try {
      convertValue(value, from, to, 'targets.0.unit');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect(e.key).toBe('error.unit_mismatch');
    expect(e.place.field).toBe('targets.0.unit');
    expect(e.params.unit).toBe(canonicalUnit(from) || '—');
  });

  it.each(['', 'abc', '1.2.3', 'Infinity'])('refuses the value %j as a number', (value) => {
    expect(() => convertValue(value, '万元', '元')).toThrow(
      expect.objectContaining({ key: 'error.invalid_number' }),
    );
  });

  it('tells which units convert', () => {
    expect(convertible('万元', '元')).toBe(true);
    expect(convertible('元', '亿元')).toBe(true);
    expect(convertible('个', '个')).toBe(true);
    expect(convertible('个', '元')).toBe(false);
    expect(convertible('人次', '人')).toBe(false);
  });

  it('lists the units a target’s value may be given in, smallest first', () => {
    expect(convertibleUnits('元')).toEqual(['元', '千元', '万元', '百万元', '亿元']);
    expect(convertibleUnits('万亩')).toEqual(['亩', '万亩']);
    expect(convertibleUnits('％')).toEqual(['%']);
    expect(convertibleUnits('家')).toEqual(['家']);
    expect(convertibleUnits('')).toEqual([]);
  });
});
