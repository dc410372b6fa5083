import { describe, expect, it } from 'vitest';
import { placesInTitle, resolveUnitAliases } from './unit-aliases.js';

const SANMEN = ['三门'];

describe('resolveUnitAliases: one unit, several spellings', () => {
  it.each<[string, string[], string[], { alias: string; canonical: string }[]]>([
    [
      'seed: 和 dropped (items 1, 10)',
      ['县自然资源和规划局', '县自然资源规划局', '县自然资源和规划局'],
      SANMEN,
      [{ alias: '县自然资源规划局', canonical: '县自然资源和规划局' }],
    ],
    [
      'seed: the place name instead of 县 (items 14, 16, 20)',
      ['三门技师学院', '三门技师学院', '县技师学院'],
      SANMEN,
      [{ alias: '县技师学院', canonical: '三门技师学院' }],
    ],
    [
      'design: 县发展和改革局 = 县发改局, the more frequent spelling wins',
      ['县发展和改革局', '县发改局', '县发改局'],
      SANMEN,
      [{ alias: '县发展和改革局', canonical: '县发改局' }],
    ],
    [
      'new: abbreviation, tie goes to the first written',
      ['县人力资源和社会保障局', '县人力社保局'],
      SANMEN,
      [{ alias: '县人力社保局', canonical: '县人力资源和社会保障局' }],
    ],
    [
      'new: 经信局',
      ['县经信局', '县经济和信息化局', '县经信局'],
      SANMEN,
      [{ alias: '县经济和信息化局', canonical: '县经信局' }],
    ],
    [
      'new: 文广旅体局',
      ['县文化和广电旅游体育局', '县文广旅体局'],
      SANMEN,
      [{ alias: '县文广旅体局', canonical: '县文化和广电旅游体育局' }],
    ],
    ['new: 卫健局', ['县卫生健康局', '县卫健局'], SANMEN, [{ alias: '县卫健局', canonical: '县卫生健康局' }]],
    [
      'new: 住建局',
      ['县住房和城乡建设局', '县住建局'],
      SANMEN,
      [{ alias: '县住建局', canonical: '县住房和城乡建设局' }],
    ],
    [
      'new: 区 prefix',
      ['区发改局', '区发展和改革局', '区发改局'],
      ['柯城'],
      [{ alias: '区发展和改革局', canonical: '区发改局' }],
    ],
    [
      'new: 区市场监督管理局 = 区市场监管局',
      ['区市场监管局', '区市场监督管理局'],
      ['衢江'],
      [{ alias: '区市场监督管理局', canonical: '区市场监管局' }],
    ],
    [
      'new: place name and 县 both written',
      ['三门县市场监督管理局', '县市场监管局', '县市场监管局'],
      SANMEN,
      [{ alias: '三门县市场监督管理局', canonical: '县市场监管局' }],
    ],
    [
      'new: 市场 is not the 市 level',
      ['县市场监管局', '市场监管局', '县市场监管局'],
      SANMEN,
      [{ alias: '市场监管局', canonical: '县市场监管局' }],
    ],
    [
      'new: a city unit written with and without the city name',
      ['台州市生态环境局三门分局', '市生态环境局三门分局', '市生态环境局三门分局'],
      ['台州', '三门'],
      [{ alias: '台州市生态环境局三门分局', canonical: '市生态环境局三门分局' }],
    ],
  ])('%s', (_name, occurrences, places, merged) => {
    const r = resolveUnitAliases(occurrences, places);
    expect(r.merged).toEqual(merged);
    expect(r.possible).toEqual([]);
    for (const { alias, canonical } of merged) {
      expect(r.canonical.get(alias)).toBe(canonical);
      expect(r.canonical.get(canonical)).toBe(canonical);
    }
  });

  it('without the place name, 三门技师学院 and 县技师学院 stay apart', () => {
    expect(resolveUnitAliases(['三门技师学院', '县技师学院'], []).merged).toEqual([]);
  });
});

describe('resolveUnitAliases: a city unit and a county unit are only possibly the same', () => {
  it.each<[string, string[], { alias: string; canonical: string }[]]>([
    [
      'seed: 市自然资源规划局 (item 15) vs 县自然资源和规划局',
      ['县自然资源和规划局', '市自然资源规划局'],
      [{ alias: '市自然资源规划局', canonical: '县自然资源和规划局' }],
    ],
    [
      'seed: 市生态环境局三门分局 (item 36) vs a county 生态环境局',
      ['市生态环境局三门分局', '县生态环境局三门分局'],
      [{ alias: '市生态环境局三门分局', canonical: '县生态环境局三门分局' }],
    ],
    [
      'new: 市市场监管局 vs 县市场监管局, named after the county spelling the plan uses',
      ['县市场监管局', '县市场监督管理局', '市市场监管局', '县市场监管局'],
      [{ alias: '市市场监管局', canonical: '县市场监管局' }],
    ],
  ])('%s', (_name, occurrences, possible) => {
    const r = resolveUnitAliases(occurrences, SANMEN);
    expect(r.possible).toEqual(possible);
    for (const { alias } of possible) expect(r.canonical.get(alias)).toBe(alias);
  });
});

describe('resolveUnitAliases: different units stay apart', () => {
  it.each<[string, string[]]>([
    ['design: 县委组织部 vs 县委宣传部', ['县委组织部', '县委宣传部']],
    ['design: 县民政局 vs 县民族宗教事务局', ['县民政局', '县民族宗教事务局']],
    ['seed: 县委政法委 vs 县委宣传部', ['县委政法委', '县委宣传部']],
    ['seed: 县医保局 vs 县卫生健康局', ['县医保局', '县卫生健康局']],
    ['seed: 县大数据发展中心 vs 县金融中心', ['县大数据发展中心', '县金融中心']],
    ['seed: 县司法局 vs 县检察院', ['县司法局', '县检察院']],
    ['seed: 县发改局 vs 县财政局', ['县发改局', '县财政局']],
    ['seed: 县经信局 vs 县人力社保局', ['县经信局', '县人力社保局']],
    ['seed: 人民银行三门支行 vs 人民银行台州中心支行', ['人民银行三门支行', '人民银行台州中心支行']],
    ['new: 县教育局 vs 县体育局', ['县教育局', '县体育局']],
    ['new: 县水利局 vs 县水务局', ['县水利局', '县水务局']],
    ['new: 县政府办 vs 县政务服务办', ['县政府办', '县政务服务办']],
    ['new: 县委办 vs 县委宣传部', ['县委办', '县委宣传部']],
    ['new: 县统计局 vs 县统战部', ['县统计局', '县委统战部']],
    ['new: 县商务局 vs 县政务服务中心', ['县商务局', '县政务服务中心']],
  ])('%s', (_name, occurrences) => {
    const r = resolveUnitAliases(occurrences, SANMEN);
    expect(r.merged).toEqual([]);
    expect(r.possible).toEqual([]);
    for (const name of occurrences) expect(r.canonical.get(name)).toBe(name);
  });
});

describe('placesInTitle', () => {
  it.each<[string, string[]]>([
    ['三门县共同富裕“三十”工程改革库', ['三门']],
    ['2023年柯城区数字化改革重点任务清单', ['柯城']],
    ['2023年度衢江区营商环境“一号改革工程”改革任务', ['衢江']],
    ['2023年台州市三门县山海协作工程任务清单', ['台州', '三门']],
    ['龙泉市山海协作工程升级版工作任务分工表', ['龙泉']],
    ['共同富裕改革清单', []],
  ])('%s', (title, places) => {
    expect(placesInTitle(title)).toEqual(places);
  });
});
