import { describe, expect, it } from 'vitest';
import { looksLikeUnit, splitUnits } from './units.js';

const split = (cell: string) => splitUnits(cell).map((u) => `${u.name}:${u.role}`);

describe('splitUnits', () => {
  it.each<[string, string, string[]]>([
    ['seed: 、 separated, the first leads (item 26)', '县残联、县民政局', ['县残联:lead', '县民政局:co']],
    [
      'seed: one unit per line (item 10)',
      '县应急管理局\n县自然资源规划局\n县公安局\n县水利局\n县气象局\n县农业农村局',
      [
        '县应急管理局:lead',
        '县自然资源规划局:co',
        '县公安局:co',
        '县水利局:co',
        '县气象局:co',
        '县农业农村局:co',
      ],
    ],
    [
      'seed: units outside the county government (item 1)',
      '台州银保监分局三门监管组、县农业农村局、人民银行三门支行',
      ['台州银保监分局三门监管组:lead', '县农业农村局:co', '人民银行三门支行:co'],
    ],
    ['seed: a town (item 54)', '珠岙镇', ['珠岙镇:lead']],
    ['new: ，and ； mixed', '区发改局，区经信局；区财政局', ['区发改局:lead', '区经信局:co', '区财政局:co']],
    ['new: full-width comma and spaces', '县商务局， 县供销联社', ['县商务局:lead', '县供销联社:co']],
    ['new: separated by spaces', '县人力社保局  县教育局', ['县人力社保局:lead', '县教育局:co']],
    [
      'new: a trailing 等',
      '市农业农村局、市财政局、市自然资源和规划局等',
      ['市农业农村局:lead', '市财政局:co', '市自然资源和规划局:co'],
    ],
    ['new: a trailing full stop', '县建设局、县民政局。', ['县建设局:lead', '县民政局:co']],
    [
      'new: a trailing 等部门 / 等有关单位',
      '市发改委、市商务局等部门；县发改局、县财政局等有关单位',
      ['市发改委:lead', '市商务局:co', '县发改局:co', '县财政局:co'],
    ],
    [
      'new: labelled roles on one line',
      '牵头单位：市发展和改革局；配合单位：市经信局、市商务局',
      ['市发展和改革局:lead', '市经信局:co', '市商务局:co'],
    ],
    [
      'new: labelled roles on two lines, half-width colons',
      '牵头单位:县金融中心\n配合单位:人民银行三门支行、台州银保监分局三门监管组',
      ['县金融中心:lead', '人民银行三门支行:co', '台州银保监分局三门监管组:co'],
    ],
    [
      'new: two lead units under one label',
      '牵头单位：县委组织部、县民政局；配合单位：县财政局',
      ['县委组织部:lead', '县民政局:lead', '县财政局:co'],
    ],
    [
      'new: （牵头） on the first unit',
      '区建设局（牵头）、区发改局、区民政局',
      ['区建设局:lead', '区发改局:co', '区民政局:co'],
    ],
    [
      'new: （牵头） on a later unit beats position',
      '市农业农村局、市财政局（牵头）、市自然资源和规划局',
      ['市农业农村局:co', '市财政局:lead', '市自然资源和规划局:co'],
    ],
    [
      'new: (牵头) half-width, and (配合) dropped',
      '县委宣传部(牵头)，县文广旅体局(配合)',
      ['县委宣传部:lead', '县文广旅体局:co'],
    ],
  ])('%s', (_name, cell, expected) => {
    expect(split(cell)).toEqual(expected);
  });

  it('a label beyond lead and co (数据提供单位) makes its units co-units that keep the label', () => {
    expect(
      splitUnits('牵头单位：市人力社保局；数据提供单位：市统计局、国家统计局丽水调查队；配合单位：市财政局'),
    ).toEqual([
      { name: '市人力社保局', role: 'lead' },
      { name: '市统计局', role: 'co', label: '数据提供单位' },
      { name: '国家统计局丽水调查队', role: 'co', label: '数据提供单位' },
      { name: '市财政局', role: 'co' },
    ]);
    // Without a lead or co label the cell is read by position, as before: 数据提供单位 is no role word.
    expect(split('县发改局、县统计局')).toEqual(['县发改局:lead', '县统计局:co']);
  });

  it('an empty cell has no units', () => {
    expect(splitUnits('')).toEqual([]);
    expect(splitUnits(' \n ')).toEqual([]);
  });
});

describe('looksLikeUnit', () => {
  it.each<[string, boolean]>([
    ['县自然资源和规划局', true],
    ['台州银保监分局三门监管组', true],
    ['人民银行三门支行', true],
    ['县大数据发展中心', true],
    ['海游街道', true],
    ['县委宣传部', true],
    ['县慈善总会', true],
    ['县残联', true],
    ['三门技师学院', true],
    ['区政务服务中心', true],
    ['2022年12月底前，完成技工院校与高职院校中高职一体化办学。', false],
    ['推进中高职专业一体化课程建设、一体化教材开发、一体化教研体系构建', false],
    ['建成投用儿童入园体检系统；提高工作效率', false],
  ])('%s → %s', (name, expected) => {
    expect(looksLikeUnit(name)).toBe(expected);
  });
});
