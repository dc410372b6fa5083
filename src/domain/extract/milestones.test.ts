import { describe, expect, it } from 'vitest';
import { extractCell } from './milestones.js';

/** A cell → [deadline, phrase] milestones and [deadline, op, value, unit] targets. */
const cell = (text: string, year: number | null = 2022, undated = true) => {
  const r = extractCell(text, 'goals', year, undated);
  return {
    milestones: r.milestones.map((m) => [m.deadline, m.phrase]),
    targets: r.targets.map((t) => [t.deadline, t.op, t.value, t.unit]),
  };
};

describe('extractCell: each target takes the deadline of the sentence it is in', () => {
  it('seed: item 1 goals', () => {
    expect(
      cell(
        '1.2022年9月底前，“农户家庭资产池”融资达15亿元以上，全县农户小额信用贷款占农户小额贷款比例持续提升；\n2.2022年12月底前，“农户家庭资产池”融资达20亿元以上。',
      ),
    ).toEqual({
      milestones: [
        ['2022-09-30', '2022年9月底前'],
        ['2022-12-31', '2022年12月底前'],
      ],
      targets: [
        ['2022-09-30', '>=', 1500000000, '元'],
        ['2022-12-31', '>=', 2000000000, '元'],
      ],
    });
  });

  it('seed: item 6 goals, a 2022年度 clause after a month deadline in the same entry', () => {
    expect(
      cell(
        '1.2022年3月底前，为相关主体发放贷款超1亿元；\n2.2022年6月底前，发放贷款超1.2亿元，2022年度推动新创成省级民主法治村（社区）不少于6个，市级民主法治村（社区）不少于40个。',
      ),
    ).toEqual({
      milestones: [
        ['2022-03-31', '2022年3月底前'],
        ['2022-06-30', '2022年6月底前'],
        ['2022-12-31', '2022年度'],
      ],
      targets: [
        ['2022-03-31', '>=', 100000000, '元'],
        ['2022-06-30', '>=', 120000000, '元'],
        ['2022-12-31', '>=', 6, '个'],
        ['2022-12-31', '>=', 40, '个'],
      ],
    });
  });

  it('seed: item 17, words before any date hold undated targets', () => {
    expect(
      cell(
        '2022年3月底前，召开上市公司（拟上市企业）相关负责人动员会；\n积极宣传推动上市及拟上市企业针对技术工人实施股权激励；\n经过三年努力，实施股权激励的上市公司家数占比60%，对技术工人激励比例占激励对象人数比达到30%。',
      ),
    ).toEqual({
      milestones: [['2022-03-31', '2022年3月底前']],
      targets: [
        [null, '=', 60, '%'],
        [null, '>=', 30, '%'],
      ],
    });
  });

  it('seed: item 56, "2022年9月底前，力争年底…": the later phrase governs the target', () => {
    const r = cell('3.2022年9月底前，力争年底实现小微企业贷款两位数增长；');
    expect(r.targets).toEqual([['2022-12-31', '>=', 10, '%']]);
    expect(r.milestones).toEqual([['2022-12-31', '年底']]);
  });

  it('seed: item 3, a year naming a project is not a second deadline', () => {
    expect(
      cell(
        '4.2022年12月底前，协助企业完成2022年度企业专利导航项目立项；完成“三门青蟹“地理标志运用促进项目验收工作。',
      ),
    ).toEqual({ milestones: [['2022-12-31', '2022年12月底前']], targets: [] });
  });

  it('seed: item 30, blanks are targets without a value', () => {
    expect(
      cell(
        '1.2022年3月底前，与用人单位建立劳动关系的新业态从业人员企业职工基本养老保险参保率达  %；\n2.2022年6月底前，与用人单位建立劳动关系的新业态从业人员企业职工基本养老保险参保率达  %。',
      ).targets,
    ).toEqual([
      ['2022-03-31', '>=', null, '%'],
      ['2022-06-30', '>=', null, '%'],
    ]);
  });

  it('new: year-less phrases take the plan year; a later one in the cell takes the year written before it', () => {
    expect(
      cell(
        '上半年，启动２个未来社区创建；\n2024年9月底前，完成老旧小区改造12个；\n12月20日前，通过省级验收。',
        2023,
      ),
    ).toEqual({
      milestones: [
        ['2023-06-30', '上半年'],
        ['2024-09-30', '2024年9月底前'],
        ['2024-12-20', '12月20日前'],
      ],
      targets: [
        ['2023-06-30', '=', 2, '个'],
        ['2024-09-30', '=', 12, '个'],
      ],
    });
  });

  it('new: markers glued to year-less months', () => {
    expect(
      cell(
        '１．３月底前，完成应用场景梳理；\n２．６月底前，企业开办时间压缩到１个工作日以内；\n３．年底前，企业开办“一网通办”率达到９５％以上。',
        2023,
      ),
    ).toEqual({
      milestones: [
        ['2023-03-31', '３月底前'],
        ['2023-06-30', '６月底前'],
        ['2023-12-31', '年底前'],
      ],
      targets: [
        ['2023-06-30', '<=', 1, '工作日'],
        ['2023-12-31', '>=', 95, '%'],
      ],
    });
  });

  it('new: two dated clauses in one entry', () => {
    expect(cell('二〇二三年六月底前，签订山海协作协议，到2025年，飞地项目投资超过5亿元。', 2023)).toEqual({
      milestones: [
        ['2023-06-30', '二〇二三年六月底前'],
        ['2025-12-31', '2025年'],
      ],
      targets: [['2025-12-31', '>=', 500000000, '元']],
    });
  });

  it('measures and achievements keep only dated targets', () => {
    const text = '完成10家商会结对；\n争取到2025年落实资金8000万元以上。';
    expect(cell(text, 2022, false)).toEqual({
      milestones: [['2025-12-31', '2025年']],
      targets: [['2025-12-31', '>=', 80000000, '元']],
    });
    expect(cell(text, 2022, true).targets).toEqual([
      [null, '=', 10, '家'],
      ['2025-12-31', '>=', 80000000, '元'],
    ]);
  });

  it('records the source column and the clause text', () => {
    const r = extractCell('年底前实现全县园区数字化功能服务基本覆盖。', 'measures', 2022, false);
    expect(r.milestones).toEqual([
      {
        deadline: '2022-12-31',
        text: '年底前实现全县园区数字化功能服务基本覆盖。',
        source: 'measures',
        phrase: '年底前',
      },
    ]);
  });

  it('a cell without dates has no milestones', () => {
    expect(cell('按照“政府主导、市场运作、社会 参与、多方筹资”原则，推动长期护理保险覆盖全民。')).toEqual({
      milestones: [],
      targets: [],
    });
  });
});
