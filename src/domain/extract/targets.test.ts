import { describe, expect, it } from 'vitest';
import { findTargets } from './targets.js';

/**
 * Quantitative targets: value in base units, direction, unit. Phrases from the Sanmen 2022
 * library ("seed") and from other Zhejiang plans in the same style ("new").
 */

const read = (clause: string) => findTargets(clause).map((t) => [t.op, t.value, t.unit]);

describe('findTargets: value, direction and unit', () => {
  it.each<[string, string, [string, number | null, string][]]>([
    // magnitude folded into the value
    ['seed: 15亿元以上 (item 1)', '“农户家庭资产池”融资达15亿元以上', [['>=', 1500000000, '元']]],
    ['seed: 超1.2亿元 (item 6)', '发放贷款超1.2亿元', [['>=', 120000000, '元']]],
    ['seed: 3000万元 (item 8)', '实现金融服务额3000万元', [['=', 30000000, '元']]],
    ['seed: 200余万元 (item 53)', '种植村集体经济每年可增收200余万元', [['>=', 2000000, '元']]],
    ['seed: 4千场以上 (item 41)', '开展实践活动4千场以上', [['>=', 4000, '场']]],
    [
      'seed: 超200万以上, no unit written (item 59)',
      '争取实现政策外社会帮扶资源超200万以上',
      [['>=', 2000000, '']],
    ],
    ['new: 1200万元', '消薄飞地年收益达到1200万元', [['>=', 12000000, '元']]],
    ['new: 1.2万户以上', '新增市场主体1.2万户以上', [['>=', 12000, '户']]],
    ['new: 超300万人次', '年接待游客超300万人次', [['>=', 3000000, '人次']]],
    ['new: 300余万元', '“共富工坊”带动农户年均增收300余万元', [['>=', 3000000, '元']]],
    // percentages
    ['seed: 达到90% (item 19)', '重点群体就业帮扶率达到90%', [['>=', 90, '%']]],
    ['seed: 占比60%, no verb (item 17)', '实施股权激励的上市公司家数占比60%', [['=', 60, '%']]],
    ['seed: 达2.6%以上 with R&D before it (item 48)', '确保全年R&D占比达2.6%以上', [['>=', 2.6, '%']]],
    ['seed: 达 50%以上 with a space (item 60)', '婴幼儿照护服务机构覆盖率达 50%以上', [['>=', 50, '%']]],
    ['new: full-width ９５％', '企业开办“一网通办”率达到９５％以上', [['>=', 95, '%']]],
    ['new: 不低于95%', '企业满意度不低于95%', [['>=', 95, '%']]],
    ['new: 控制在5%以内', '城镇调查失业率控制在5%以内', [['<=', 5, '%']]],
    // two-digit growth
    ['seed: 两位数增长 (item 56)', '力争年底实现小微企业贷款两位数增长', [['>=', 10, '%']]],
    ['new: 增长两位数以上', '规上工业增加值增长两位数以上', [['>=', 10, '%']]],
    ['new: 实现两位数增长', '研发投入实现两位数增长', [['>=', 10, '%']]],
    // ratios without a unit
    ['seed: 缩小到2.36以内 (item 23)', '低收入农户与全县农民收入倍差缩小到2.36以内', [['<=', 2.36, '']]],
    ['new: 控制在1.65以内', '城乡居民收入倍差控制在1.65以内', [['<=', 1.65, '']]],
    // ranges, counts
    ['seed: 1—2个 (item 55)', '力争创建1—2个示范样板', [['>=', 1, '个']]],
    ['new: 1—2家', '入驻科技型企业1—2家', [['>=', 1, '家']]],
    ['seed: 不少于6个 (item 6)', '推动新创成省级民主法治村（社区）不少于6个', [['>=', 6, '个']]],
    ['seed: 5000平方米以上 (item 36)', '激活闲置农房建筑面积5000平方米以上', [['>=', 5000, '平方米']]],
    ['seed: 3.0 个 with a space (item 60)', '每千人拥有婴幼儿照护设施托位达到3.0 个', [['>=', 3, '个']]],
    [
      'seed: 人 and 人次 (item 20)',
      '完成年培训量8000人，技能鉴定9000人次',
      [
        ['=', 8000, '人'],
        ['=', 9000, '人次'],
      ],
    ],
    [
      'seed: 150及以上 without a unit (item 13)',
      '科学布点，建设150及以上农村电子商务服务站',
      [['>=', 150, '']],
    ],
    ['new: 不少于3个', '引进山海协作产业项目不少于3个', [['>=', 3, '个']]],
    ['new: 100家', '建设“共富工坊”100家', [['=', 100, '家']]],
    ['new: 不超过3天 (≤, not ≥)', '涉企审批事项承诺时限不超过3天', [['<=', 3, '天']]],
    ['new: 不高于 (≤, not ≥)', '企业开办成本不高于500元', [['<=', 500, '元']]],
    ['new: 压缩到1个工作日以内', '企业开办时间压缩到1个工作日以内', [['<=', 1, '工作日']]],
    // Chinese numerals
    ['seed: 十个 (item 41)', '完成“十百千”提升计划中的十个示范站点验收', [['=', 10, '个']]],
    ['seed: 百支 (item 41)', '百支优秀志愿服务队伍认定', [['=', 100, '支']]],
    ['new: 十个 after the noun', '上线涉企服务“一类事”场景十个', [['=', 10, '个']]],
    ['new: 二十家', '培育二十家专精特新“小巨人”企业', [['=', 20, '家']]],
    // a baseline is not the target
    [
      'seed: 从3.6万元增加到4.6万元 (item 68)',
      '实现养殖户人均收入从3.6万元增加到4.6万元',
      [['>=', 46000, '元']],
    ],
  ])('%s', (_name, clause, expected) => {
    expect(read(clause)).toEqual(expected);
  });
});

describe('findTargets: blanks', () => {
  it.each<[string, string, [string, number | null, string][]]>([
    ['seed: 参保率达  % (item 30)', '新业态从业人员企业职工基本养老保险参保率达  %', [['>=', null, '%']]],
    ['new: underscores', '灵活就业人员参保率达____%', [['>=', null, '%']]],
    ['new: full-width spaces', '共富工坊覆盖率达到　　%', [['>=', null, '%']]],
    ['new: a blank amount', '山海协作帮扶资金达   万元', [['>=', null, '元']]],
  ])('%s', (_name, clause, expected) => {
    expect(read(clause)).toEqual(expected);
  });
});

describe('findTargets: numbers that are not targets', () => {
  it.each<[string, string]>([
    ['seed: 5G (item 7, with a real target after it)', '按照市级总任务分解，建成5G基站'],
    ['seed: 3A景区 (item 42)', '打造3A景区，成为全市首个文化馆景区示范点'],
    ['seed: “证照分离”2.0版 (item 3)', '打造“证照分离”2.0版'],
    ['seed: 信息化2.0 (item 46)', '完成第二批信息化2.0试点校培训'],
    ['seed: 派遣1139科技小分队 (item 47)', '派遣1139科技小分队送服务上门'],
    ['seed: 形成一批 (item 2)', '形成一批可复制推广的保险改革经验'],
    ['seed: 六大行动计划 (item 47)', '启动实施党建引领、科技薪火等六大行动计划'],
    [
      'seed: a year range inside 《》 (item 7)',
      '深入实施《三门县加快制造业企业数字化改造实施方案（2021-2023年）》',
    ],
    ['seed: a number inside “” (item 7)', '协同实现台州数字经济“211”发展目标'],
    ['seed: “两个健康” (item 62)', '打造成服务“两个健康”优秀案例'],
    ['seed: 1+X (item 33)', '促进人口长期均衡发展1+X政策体系'],
    ['new: a number inside 《》 with a unit', '贯彻《关于支持山区26县跨越式高质量发展的意见》'],
    ['new: “15分钟公共文化服务圈”', '建设“15分钟公共文化服务圈”'],
    ['new: “1+5”政策', '落实闲置农房盘活利用“1+5”政策'],
    ['new: ordinal 第二批', '申报第2批共同富裕试点'],
    ['new: 每10万人', '每10万人拥有'],
    ['new: 三大场景', '建设“助联体”等三大场景'],
    ['new: 一件事', '推进涉企审批一件事集成改革'],
  ])('%s', (_name, clause) => {
    expect(findTargets(clause)).toEqual([]);
  });
});

describe('findTargets: what is measured', () => {
  it.each<[string, string, string[]]>([
    ['seed: quoted name kept (item 1)', '“农户家庭资产池”融资达15亿元以上', ['“农户家庭资产池”融资']],
    ['seed: verb of measure dropped (item 19)', '重点群体就业帮扶率达到90%', ['重点群体就业帮扶率']],
    [
      'seed: noun after the number (item 12)',
      '建设改造2家新型示范乡村便利店',
      ['建设改造新型示范乡村便利店'],
    ],
    [
      'seed: two metrics in one clause (item 28)',
      '县域就诊率达到90%，基层就诊率达到66%以上',
      ['县域就诊率', '基层就诊率'],
    ],
    ['seed: 争取 before the verb (item 13)', '全县网络零售额争取突破55亿元', ['全县网络零售额']],
    [
      'seed: a second number measures the same thing (item 60)',
      '完成新增普惠性托位180个，累计达到300个',
      ['完成新增普惠性托位', '完成新增普惠性托位'],
    ],
    ['seed: baseline dropped (item 68)', '实现养殖户人均收入从3.6万元增加到4.6万元', ['实现养殖户人均收入']],
    ['new: quoted app name', '“浙里办”企业开办一件事办件量达到5000件', ['“浙里办”企业开办一件事办件量']],
    ['new: 力争 before the verb', '山海协作飞地项目投资力争超过5亿元', ['山海协作飞地项目投资']],
  ])('%s', (_name, clause, metrics) => {
    expect(findTargets(clause).map((t) => t.metric)).toEqual(metrics);
  });

  it('gives the words it read the target from, as written', () => {
    expect(findTargets('企业开办“一网通办”率达到９５％以上')).toEqual([
      expect.objectContaining({ text: '达到９５％以上', metric: '企业开办“一网通办”率' }),
    ]);
  });

  it('skips numbers inside excluded spans (date phrases)', () => {
    const clause = '2022年12月底前，建设改造2家新型示范乡村便利店';
    expect(findTargets(clause, [[0, 10]]).map((t) => [t.value, t.unit, t.metric])).toEqual([
      [2, '家', '建设改造新型示范乡村便利店'],
    ]);
  });
});

describe('durations and scores', () => {
  it.each([
    ['审批时间压缩至20日以内', '<=', 20, '日'],
    ['群众满意度测评达到90分以上', '>=', 90, '分'],
    ['平均响应时间不超过30分钟', '<=', 30, '分钟'],
  ])('%s', (text, op, value, unit) => {
    const [t] = findTargets(text);
    expect([t?.op, t?.value, t?.unit]).toEqual([op, value, unit]);
  });
});
