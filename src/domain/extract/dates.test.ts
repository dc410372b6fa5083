import { describe, expect, it } from 'vitest';
import { findDatePhrases } from './dates.js';

/**
 * Date phrases → the last day they allow. Each form the design lists, first as the Sanmen 2022
 * library writes it, then as other Zhejiang plans (共同富裕, 数字化改革, 营商环境, 山海协作) do.
 * The plan year is 2022 unless a row says otherwise.
 */

const PLAN_YEAR = 2022;
const found = (text: string, year: number | null = PLAN_YEAR) =>
  findDatePhrases(text, year).map((p) => [p.phrase, p.deadline]);

describe('findDatePhrases: deadlines', () => {
  it.each<[string, string, string, string]>([
    // year + month
    ['seed: 2022年3月底前', '2022年3月底前，上线10个准营“一件事”应用', '2022年3月底前', '2022-03-31'],
    ['seed: 2022年9月底前', '2022年9月底前，“农户家庭资产池”融资达15亿元以上', '2022年9月底前', '2022-09-30'],
    [
      'seed: 2022年6月底前 (30-day month)',
      '2022年6月底前，开通1条客货邮融合班线。',
      '2022年6月底前',
      '2022-06-30',
    ],
    [
      'new: February of a leap year',
      '2024年2月底前，完成山海协作飞地项目签约',
      '2024年2月底前',
      '2024-02-29',
    ],
    [
      'new: February of a common year',
      '2023年2月底前，出台共同富裕示范区建设方案',
      '2023年2月底前',
      '2023-02-28',
    ],
    ['new: 月份 and 上旬', '2023年5月上旬，召开数字化改革推进会', '2023年5月上旬', '2023-05-10'],
    ['new: 中旬', '2023年11月中旬前，完成营商环境评价', '2023年11月中旬前', '2023-11-20'],
    // year end
    ['design: 2022年底前', '2022年底前，建成未来社区3个', '2022年底前', '2022-12-31'],
    ['new: 2023年年底前', '2023年年底前，实现“浙里办”掌办率90%以上', '2023年年底前', '2023-12-31'],
    ['new: 2024年末', '2024年末，山海协作产业飞地实现实质化运行', '2024年末', '2024-12-31'],
    ['new: 2023年内', '2023年内完成低效工业用地整治', '2023年内', '2023-12-31'],
    ['new: 2025年前', '2025年前建成共同富裕现代化基本单元', '2025年前', '2025-12-31'],
    // a year that heads a clause
    ['seed: 到2025年 (item 68)', '争取到2025年落实资金8000万元以上', '2025年', '2025-12-31'],
    [
      'seed: 2021年 heading a sentence (item 13)',
      '2021年全县网络零售额争取突破55亿元',
      '2021年',
      '2021-12-31',
    ],
    [
      'seed: 2022年度 heading a clause (item 6)',
      '，2022年度推动新创成省级民主法治村不少于6个',
      '2022年度',
      '2022-12-31',
    ],
    ['new: 到2027年', '到2027年，山区县居民人均可支配收入达到全省平均水平的80%', '2027年', '2027-12-31'],
    // half years and quarters with a year
    ['new: 2023年上半年', '2023年上半年，完成“一件事”集成改革', '2023年上半年', '2023-06-30'],
    ['new: 2023年下半年', '2023年下半年，推广“企业码”应用', '2023年下半年', '2023-12-31'],
    ['new: 2024年一季度', '2024年一季度，完成产业园扩区方案', '2024年一季度', '2024-03-31'],
    ['new: 2023年第三季度末', '2023年第三季度末前，完成验收', '2023年第三季度末前', '2023-09-30'],
    // exact days
    ['new: 2022年12月31日前', '2022年12月31日前完成数字化改革年度任务', '2022年12月31日前', '2022-12-31'],
    ['new: 2023年6月15日', '2023年6月15日，召开山海协作推进会', '2023年6月15日', '2023-06-15'],
    // Chinese-numeral and full-width dates
    ['design: 二〇二二年六月底前', '二〇二二年六月底前，完成试点', '二〇二二年六月底前', '2022-06-30'],
    [
      'new: 二〇二三年十二月底前',
      '二〇二三年十二月底前，飞地项目投资超过5亿元',
      '二〇二三年十二月底前',
      '2023-12-31',
    ],
    ['new: 二〇二三年底前', '二〇二三年底前，全面推开', '二〇二三年底前', '2023-12-31'],
    [
      'new: 二〇二四年上半年',
      '二〇二四年上半年，消薄飞地年收益达到1200万元',
      '二〇二四年上半年',
      '2024-06-30',
    ],
    ['new: full-width digits', '２０２３年９月底前，完成验收', '２０２３年９月底前', '2023-09-30'],
    ['new: spaces inside', '2022 年 9 月底前，完成', '2022 年 9 月底前', '2022-09-30'],
  ])('%s', (_name, text, phrase, deadline) => {
    expect(found(text)).toEqual([[phrase, deadline]]);
  });
});

describe('findDatePhrases: year-less phrases take the plan year', () => {
  it.each<[string, string, number | null, string, string | null]>([
    [
      'seed: 年底前 in the measures (item 7)',
      '年底前实现全县园区数字化功能服务基本覆盖',
      2022,
      '年底前',
      '2022-12-31',
    ],
    ['seed: 力争年底 (item 56)', '力争年底实现小微企业贷款两位数增长', 2022, '年底', '2022-12-31'],
    ['design: 6月底前', '6月底前，完成应用场景梳理', 2023, '6月底前', '2023-06-30'],
    ['new: 十月底前', '十月底前，完成山海协作考核', 2023, '十月底前', '2023-10-31'],
    ['new: 3月15日前', '3月15日前，出台数字化改革工作要点', 2023, '3月15日前', '2023-03-15'],
    ['new: 12月20日前', '12月20日前，通过省级验收', 2023, '12月20日前', '2023-12-20'],
    ['new: 9月份', '9月份前完成评估', 2024, '9月份前', '2024-09-30'],
    ['design: 上半年', '上半年，启动2个未来社区创建', 2023, '上半年', '2023-06-30'],
    ['design: 下半年', '下半年，上线涉企服务场景十个', 2023, '下半年', '2023-12-31'],
    ['design: 一季度', '一季度完成摸底', 2023, '一季度', '2023-03-31'],
    ['design: 二季度', '二季度完成方案', 2023, '二季度', '2023-06-30'],
    ['design: 三季度', '三季度，完成老旧小区改造12个', 2023, '三季度', '2023-09-30'],
    ['design: 四季度', '四季度，涉企事项网办率不低于90%', 2023, '四季度', '2023-12-31'],
    ['new: 第二季度末', '第二季度末前完成', 2023, '第二季度末前', '2023-06-30'],
    ['new: 年内', '年内完成“最多跑一次”改革评估', 2024, '年内', '2024-12-31'],
    ['new: 年底前 when the plan year is unknown', '年底前完成', null, '年底前', null],
  ])('%s', (_name, text, year, phrase, deadline) => {
    expect(found(text, year)).toEqual([[phrase, deadline]]);
  });

  it('a year-less phrase takes the year written before it in the same text, not the plan year', () => {
    expect(found('2023年6月底前，完成方案设计；9月30日前，引进产业项目不少于3个', 2022)).toEqual([
      ['2023年6月底前', '2023-06-30'],
      ['9月30日前', '2023-09-30'],
    ]);
  });
});

describe('findDatePhrases: a list marker glued to a date is a marker', () => {
  it.each<[string, string, string, string]>([
    [
      'design/seed: 1.2022年9月底前',
      '1.2022年9月底前，“农户家庭资产池”融资达15亿元以上',
      '2022年9月底前',
      '2022-09-30',
    ],
    ['seed: 2、2022年9月底前 (item 16)', '2、2022年9月底前，对接县资源集团', '2022年9月底前', '2022-09-30'],
    ['seed: after a line break', '提升；\n3.2022年12月底前，力争新增1个以上', '2022年12月底前', '2022-12-31'],
    ['new: marker glued to a month', '1.6月底前，完成方案设计', '6月底前', '2022-06-30'],
    ['new: marker glued to a two-digit month', '2.12月底前，通过验收', '12月底前', '2022-12-31'],
    ['new: full-width marker and month', '１．３月底前，完成应用场景梳理', '３月底前', '2022-03-31'],
    ['new: 、 marker glued to a day', '3、12月20日前，通过验收', '12月20日前', '2022-12-20'],
  ])('%s', (_name, text, phrase, deadline) => {
    expect(found(text)).toEqual([[phrase, deadline]]);
  });
});

describe('findDatePhrases: not deadlines', () => {
  it.each<[string, string]>([
    ['seed: a year naming a thing (item 3)', '协助企业完成2022年度企业专利导航项目立项'],
    ['seed: a year range (item 7)', '深入实施《三门县加快制造业企业数字化改造实施方案（2021-2023年）》'],
    ['seed: a year range in a long title (item 52)', '三年行动计划（2021-2024年）的通知'],
    ['seed: every quarter (item 51)', '每季度召开由禁毒办工作人员参加的分析会'],
    ['seed: 每季度由 (item 51)', '每季度由禁毒办牵头对村居开展考核'],
    ['seed: a half term (item 20)', '下半学期扩招200人'],
    ['seed: a year inside a sentence (item 57)', '启动2022年送文化下乡工作'],
    [
      'seed: a year inside quotes after 列入 (item 69)',
      '积极申报列入“2021年度省级乡村振兴集成创新示范建设县”',
    ],
    ['design: twelve months', '12个月内完成'],
    ['new: a duration in years', '经过3年努力，形成山海协作新格局'],
    ['new: a year range with an em dash', '《共同富裕示范区建设行动方案（2021—2025年）》'],
    ['new: a decimal before 月', '平均办理周期缩短至2.5月'],
    ['new: a month alone is too vague', '9月召开现场会'],
    ['new: every year', '每年举办一次山海协作论坛'],
    ['new: 每月', '每月通报数字化改革进展'],
    ['new: a year out of range', '建成1000年古村落保护档案'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findDatePhrases: positions and flags', () => {
  it('reports offsets in the original text, even with full-width characters', () => {
    const text = '推进；２０２３年９月底前，完成验收';
    const [p] = findDatePhrases(text, 2023);
    expect(text.slice(p!.start, p!.end)).toBe('２０２３年９月底前');
    expect(p!.explicitYear).toBe(true);
    expect(p!.year).toBe(2023);
  });

  it.each<[string, string, boolean]>([
    ['at the start of a clause', '2022年6月底前，完成', true],
    ['after 力争', '完成方案，力争年底实现两位数增长', true],
    ['after 到', '争取到2025年落实资金', true],
    ['after a list marker', '2.2022年12月底前，完成', true],
    ['in the middle of a clause', '启动2022年6月底前未完成的项目', false],
  ])('leading: %s', (_name, text, leading) => {
    expect(findDatePhrases(text, 2022)[0]?.leading).toBe(leading);
  });

  it('a year-less phrase is not an explicit year', () => {
    expect(findDatePhrases('6月底前完成', 2022)[0]).toMatchObject({ explicitYear: false, year: 2022 });
  });
});
