import { describe, expect, it } from 'vitest';
import { isCollectiveUnit, parseResponsibility, trailingResponsibility } from './responsibility.js';

const units = (inner: string) =>
  parseResponsibility(inner)?.units.map((u) => `${u.text}:${u.role}${u.label ? `:${u.label}` : ''}`);

describe('parseResponsibility', () => {
  it.each<[string, string, string[]]>([
    [
      'labels after ；',
      '牵头单位：市发改委；数据提供单位：市统计局',
      ['市发改委:lead', '市统计局:co:数据提供单位'],
    ],
    ['labels after ，', '牵头单位：市大数据局，责任单位：市级各部门', ['市大数据局:lead', '市级各部门:co']],
    [
      'verbs instead of labels',
      '市政府办公室牵头，市级各有关部门按职责分工负责',
      ['市政府办公室:lead', '市级各有关部门:co'],
    ],
    [
      'a comma between names stays inside the part',
      '牵头单位：区发改局；责任单位：区财政局等，各街道、区直各部门',
      ['区发改局:lead', '区财政局等，各街道、区直各部门:co'],
    ],
    [
      'half-width',
      '牵头单位:县教育局;责任单位:县财政局,各乡镇(街道)',
      ['县教育局:lead', '县财政局,各乡镇(街道):co'],
    ],
  ])('%s', (_name, inner, expected) => {
    expect(units(inner)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['牵头单位：市委改革办；责任单位：各县（市、区），6月底完成', '6月底', '6月底完成'],
    ['牵头单位：市经信局；责任单位：各县（市、区）政府，9月底前完成', '9月底前', '9月底前完成'],
    ['牵头单位:县卫生健康局;责任单位:县医共体总院,6月底完成主体工程', '6月底', '6月底完成主体工程'],
    ['牵头单位：县司法局；完成时限：2023年10月底前', '2023年10月底前', '2023年10月底前'],
  ])('a deadline clause in %s is the deadline, not a unit', (inner, phrase, text) => {
    const r = parseResponsibility(inner)!;
    expect(r).toMatchObject({ deadlinePhrase: phrase, deadlineText: text });
    expect(r.units.map((u) => u.text).join('|')).not.toMatch(/月/u);
  });

  it('a bracket that names no one is not a responsibility', () => {
    expect(parseResponsibility('含民营企业')).toBeNull();
    expect(parseResponsibility('2022年已完成3个')).toBeNull();
    expect(trailingResponsibility('新增学位600个（含民办幼儿园，年底前完成）')).toBeNull();
  });
});

describe('isCollectiveUnit', () => {
  it.each<[string, boolean]>([
    ['各乡镇（街道）', true],
    ['区直各部门', true],
    ['市级各有关部门', true],
    ['各相关单位', true],
    ['各镇政府', true],
    ['街道办事处', true],
    ['街道', true],
    ['乡镇(街道)', true],
    ['村（社区）', true],
    ['市县两级政府', true],
    ['海游街道', false],
    ['珠岙镇', false],
    ['区发改局', false],
    ['县医共体总院', false],
  ])('%s → %s', (name, expected) => {
    expect(isCollectiveUnit(name)).toBe(expected);
  });
});
