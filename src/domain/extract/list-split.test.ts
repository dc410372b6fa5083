import { describe, expect, it } from 'vitest';
import { splitList } from './list-split.js';

/** Numbered cells → entries: [marker number, text] pairs, and the jumps in the numbering. */
const entries = (cell: string) => splitList(cell).entries.map((e) => [e.number ?? null, e.text]);

describe('splitList: marker styles', () => {
  it.each<[string, string, (number | null | string)[][]]>([
    [
      'seed "1." (item 1 measures)',
      '1.创新农户资产评估模型；\n2.深化农户家庭资产池融资机制运用；\n3.充分利用大数据。',
      [
        [1, '创新农户资产评估模型'],
        [2, '深化农户家庭资产池融资机制运用'],
        [3, '充分利用大数据。'],
      ],
    ],
    [
      'seed "1、" (item 17 measures)',
      '1、贯彻落实“技术工人扩中提低”改革要求；\n2、完善减税降费等配套激励政策。',
      [
        [1, '贯彻落实“技术工人扩中提低”改革要求'],
        [2, '完善减税降费等配套激励政策。'],
      ],
    ],
    [
      'seed "1. " with a space (item 2 measures)',
      '1. 持续健全农业保险基层服务网络；\n2.联动农业农村等部门稳步扩大覆盖面。',
      [
        [1, '持续健全农业保险基层服务网络'],
        [2, '联动农业农村等部门稳步扩大覆盖面。'],
      ],
    ],
    [
      'new "1 ." with spaces around the dot',
      '1 . 建立山海协作产业链协作机制；\n2 . 推动“链主”企业上市。',
      [
        [1, '建立山海协作产业链协作机制'],
        [2, '推动“链主”企业上市。'],
      ],
    ],
    [
      'new "（1）"',
      '（1）深化与温州市鹿城区的产业链协作；\n（2）建立“飞地”收益返还机制。',
      [
        [1, '深化与温州市鹿城区的产业链协作'],
        [2, '建立“飞地”收益返还机制。'],
      ],
    ],
    [
      'new "(1)" half-width',
      '(1)推行企业开办全流程“一网通办”；\n(2)推进电子营业执照同步发放。',
      [
        [1, '推行企业开办全流程“一网通办”'],
        [2, '推进电子营业执照同步发放。'],
      ],
    ],
    [
      'new "①"',
      '①推进“消薄飞地”物业经济；\n②完善收益分配“一张表”；\n③建立收益返还机制。',
      [
        [1, '推进“消薄飞地”物业经济'],
        [2, '完善收益分配“一张表”'],
        [3, '建立收益返还机制。'],
      ],
    ],
    [
      'new "一、"',
      '一、梳理涉企高频“一类事”清单；\n二、推进“一类事”线上集成办理。',
      [
        [1, '梳理涉企高频“一类事”清单'],
        [2, '推进“一类事”线上集成办理。'],
      ],
    ],
    [
      'new full-width "１．"',
      '１．数字化改革“一件事”集成；\n２．营商环境“无感监管”。',
      [
        [1, '数字化改革“一件事”集成'],
        [2, '营商环境“无感监管”。'],
      ],
    ],
  ])('%s', (_name, cell, expected) => {
    expect(entries(cell)).toEqual(expected);
    expect(splitList(cell).gaps).toEqual([]);
  });
});

describe('splitList: markers that lost their line break or their dot', () => {
  it.each<[string, string, (number | null | string)[][]]>([
    [
      'seed: two markers on one line after "；" (item 2 measures)',
      '1. 持续健全农业保险基层服务网络，健全乡镇、村服务；                  2.联动农业农村等部门稳步扩大覆盖面；                 \n3.积极探索试点水稻完全成本保险；\n4.探索试点低收入农户综合保险。',
      [
        [1, '持续健全农业保险基层服务网络，健全乡镇、村服务'],
        [2, '联动农业农村等部门稳步扩大覆盖面'],
        [3, '积极探索试点水稻完全成本保险'],
        [4, '探索试点低收入农户综合保险。'],
      ],
    ],
    [
      'seed: the same in item 34',
      '1.摸清我县失能人员的数据底数；                                                2.积极配合市里探索长期护理保险制度。',
      [
        [1, '摸清我县失能人员的数据底数'],
        [2, '积极配合市里探索长期护理保险制度。'],
      ],
    ],
    [
      'new: a whole list on one line',
      '1.完善山海协作结对机制；2.共建产业飞地；3.深化科创飞地合作。',
      [
        [1, '完善山海协作结对机制'],
        [2, '共建产业飞地'],
        [3, '深化科创飞地合作。'],
      ],
    ],
    [
      'new: circled markers on one line',
      '①推进“消薄飞地”物业经济；②完善收益分配“一张表”。',
      [
        [1, '推进“消薄飞地”物业经济'],
        [2, '完善收益分配“一张表”。'],
      ],
    ],
    [
      'seed: a lost dot "3加快" (item 16 measures)',
      '1.紧盯温台职业教育创新高地，出台改革措施；\n2.筹建三门县中小学职业体验中心;\n3加快启动三期工程，改善食宿条件；\n4.积极创造条件。',
      [
        [1, '紧盯温台职业教育创新高地，出台改革措施'],
        [2, '筹建三门县中小学职业体验中心'],
        [3, '加快启动三期工程，改善食宿条件'],
        [4, '积极创造条件。'],
      ],
    ],
    [
      'new: a lost dot "2推进"',
      '1.建设“浙里办”企业服务专区；\n2推进涉企审批“一件事”集成办理。',
      [
        [1, '建设“浙里办”企业服务专区'],
        [2, '推进涉企审批“一件事”集成办理。'],
      ],
    ],
    [
      'seed: markers glued to years (item 1 goals)',
      '1.2022年9月底前，“农户家庭资产池”融资达15亿元以上；\n2.2022年12月底前，“农户家庭资产池”融资达20亿元以上。',
      [
        [1, '2022年9月底前，“农户家庭资产池”融资达15亿元以上'],
        [2, '2022年12月底前，“农户家庭资产池”融资达20亿元以上。'],
      ],
    ],
    [
      'new: markers glued to year-less months',
      '1.6月底前，完成应用场景梳理；\n2.12月底前，通过省级验收。',
      [
        [1, '6月底前，完成应用场景梳理'],
        [2, '12月底前，通过省级验收。'],
      ],
    ],
    [
      'new: full-width markers glued to months',
      '１．３月底前，完成应用场景梳理；\n２．６月底前，“企业码”应用上线。',
      [
        [1, '３月底前，完成应用场景梳理'],
        [2, '６月底前，“企业码”应用上线。'],
      ],
    ],
    [
      'new: inline marker glued to a month',
      '1、6月底前，完成方案；2、12月底前，通过验收。',
      [
        [1, '6月底前，完成方案'],
        [2, '12月底前，通过验收。'],
      ],
    ],
  ])('%s', (_name, cell, expected) => {
    expect(entries(cell)).toEqual(expected);
  });
});

describe('splitList: numbers that are not markers', () => {
  it.each<[string, string, (number | null | string)[][]]>([
    [
      'seed: “证照分离”2.0版 (item 3 measures)',
      '1.加快实施准入准营“一件事”改革，打造“证照分离”2.0版，对涉企经营许可事项实施清单管理全覆盖；\n2.深入实施企业开办全程网上办规范国家标准改革试点。',
      [
        [1, '加快实施准入准营“一件事”改革，打造“证照分离”2.0版，对涉企经营许可事项实施清单管理全覆盖'],
        [2, '深入实施企业开办全程网上办规范国家标准改革试点。'],
      ],
    ],
    [
      'new: 2.0 and a number after "；" that does not continue the list',
      '1.迭代“浙里办”2.0版本；完成10项“一件事”；\n2.推进“无证明城市”建设。',
      [
        [1, '迭代“浙里办”2.0版本；完成10项“一件事”'],
        [2, '推进“无证明城市”建设。'],
      ],
    ],
    [
      'new: an inline "3." that skips a number is text',
      '1.完善机制；3.5万元以上的项目纳入清单；\n2.推进改革。',
      [
        [1, '完善机制；3.5万元以上的项目纳入清单'],
        [2, '推进改革。'],
      ],
    ],
    [
      'new: a bare number that does not continue the sequence',
      '1.建设5G基站；\n5G网络覆盖所有行政村。',
      [[1, '建设5G基站；\n5G网络覆盖所有行政村。']],
    ],
    [
      'new: a cell without markers, one entry per line',
      '加快建设；\n2022年12月底前，科学布点。',
      [
        [null, '加快建设'],
        [null, '2022年12月底前，科学布点。'],
      ],
    ],
    [
      'seed: an unnumbered lead-in before a numbered list (item 48 measures)',
      '以科技创新引领制造业高质量发展。\n1.打造高能级科创平台；\n2.引培高质量创新主体。',
      [
        [null, '以科技创新引领制造业高质量发展。'],
        [1, '打造高能级科创平台'],
        [2, '引培高质量创新主体。'],
      ],
    ],
    [
      'new: an unnumbered line after an entry continues it',
      '1.建立产业链“链长制”；\n配套出台支持政策。\n2.推动“链主”企业上市。',
      [
        [1, '建立产业链“链长制”；\n配套出台支持政策。'],
        [2, '推动“链主”企业上市。'],
      ],
    ],
  ])('%s', (_name, cell, expected) => {
    expect(entries(cell)).toEqual(expected);
  });
});

describe('splitList: gaps in the sequence', () => {
  it.each<[string, string, [number, number][]]>([
    [
      'seed: 1 then 3 (item 19 goals)',
      '1.2022年6月底前，推广应用“重点群体就业帮扶在线”；重点群体就业帮扶率达到60%；\n3.2022年12月底前，开展系统培训并进行应用推广。',
      [[1, 3]],
    ],
    ['new: （1） then （4）', '（1）建设科创飞地；\n（4）实施人才共享计划。', [[1, 4]]],
    [
      'new: two gaps',
      '1.甲事项；\n3.乙事项；\n4.丙事项；\n6.丁事项。',
      [
        [1, 3],
        [4, 6],
      ],
    ],
    ['new: no gap', '①甲；\n②乙；\n③丙。', []],
  ])('%s', (_name, cell, gaps) => {
    expect(splitList(cell).gaps).toEqual(gaps);
  });

  it('keeps the entries on both sides of a gap', () => {
    expect(entries('1.甲事项；\n3.乙事项。')).toEqual([
      [1, '甲事项'],
      [3, '乙事项。'],
    ]);
  });

  it('gives each entry its offset in the cell', () => {
    const cell = '1.甲；\n2.乙；3.丙。';
    expect(splitList(cell).entries.map((e) => cell.slice(e.start, e.start + 2))).toEqual(['1.', '2.', '3.']);
  });

  it('an empty cell has no entries', () => {
    expect(splitList('')).toEqual({ entries: [], gaps: [] });
  });
});
