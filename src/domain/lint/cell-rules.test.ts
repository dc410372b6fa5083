import { describe, expect, it } from 'vitest';
import { emptyCells } from './empty-cell.js';
import { noDeadline } from './no-deadline.js';
import { noMeasurableTarget } from './no-measurable-target.js';
import { columnMisplaced } from './column-misplaced.js';
import { lintItem, type ItemSpec } from '../../../test/helpers/lint-item.factory.js';
import type { FindingDraft } from '../finding.js';

const brief = (d: FindingDraft) => ({
  code: d.code,
  severity: d.severity,
  variant: d.variant,
  field: d.field,
  ...d.params,
});

describe('EMPTY_CELL', () => {
  it.each<[string, ItemSpec, object[]]>([
    ['a complete row', {}, []],
    ['an empty title is an error', { title: '  ' }, [{ severity: 'error', field: 'title' }]],
    [
      'empty measures, goals, achievements and units are warnings',
      { measures: [], goals: '\n', achievements: [' '], units: [] },
      ['measures', 'goals', 'achievements', 'units'].map((field) => ({ severity: 'warning', field })),
    ],
  ])('%s', (_name, spec, expected) => {
    expect(emptyCells(lintItem(spec)).map(brief)).toEqual(
      expected.map((e) => expect.objectContaining({ code: 'EMPTY_CELL', ...e })),
    );
  });
});

describe('NO_DEADLINE and NO_MEASURABLE_TARGET', () => {
  it.each<[string, string, string[]]>([
    [
      'principles without a date or a figure (Sanmen, 长期护理保险)',
      '按照“政府主导、市场运作、社会 参与、多方筹资”原则，配合市局共同推动探索推进长期护理保险覆盖全民、城乡 一体、全员共享。',
      ['NO_DEADLINE', 'NO_MEASURABLE_TARGET'],
    ],
    [
      'a figure without a date',
      '完成10家商会与10个经济相对薄弱村的结对，制定初步帮扶方案。',
      ['NO_DEADLINE'],
    ],
    [
      'a date without a figure',
      '2022年6月底前，完成浙里办浙政钉上线申请，并试运行。',
      ['NO_MEASURABLE_TARGET'],
    ],
    ['a date and a figure', '2022年12月底前，建设改造2家新型示范乡村便利店。', []],
    ["empty goals are EMPTY_CELL's business", '', []],
  ])('%s', (_name, goals, codes) => {
    const item = lintItem({ goals });
    expect([...noDeadline(item), ...noMeasurableTarget(item)].map((d) => d.code)).toEqual(codes);
  });

  it('counts a blank figure the extraction reported as a target', () => {
    const goals = '2022年3月底前，新业态从业人员参保率达  %。';
    const item = lintItem({
      goals,
      targets: [
        {
          metric: '参保率',
          op: '=',
          value: null,
          unit: '%',
          deadline: '2022-03-31',
          text: '  %',
          source: 'goals',
        },
      ],
    });
    expect(noMeasurableTarget(item)).toEqual([]);
  });

  it('ignores deadlines and figures outside the goals', () => {
    const item = lintItem({
      goals: '配合统筹推进普法增信和融资解难，促进诚信守法经营风尚。',
      achievements: ['2022年12月底前，发放贷款超1亿元'],
    });
    expect(noDeadline(item)).toEqual([
      expect.objectContaining({
        code: 'NO_DEADLINE',
        severity: 'warning',
        field: 'goals',
        excerpt: expect.stringMatching(/^配合统筹/),
      }),
    ]);
    expect(noMeasurableTarget(item)).toHaveLength(1);
  });
});

describe('COLUMN_MISPLACED (deadlines)', () => {
  it.each<[string, ItemSpec, object[]]>([
    [
      'a deadline in the measures: one finding for the column, naming the first',
      {
        measures: [
          '加快县级统仓统配物流分拨中心建设，提高物流配送时效，降本增效；\n2022年12月底前，科学布点，建设150及以上农村电子商务服务站',
          '2022年6月底前，开通1条客货邮融合班线',
        ],
        goals: '2022年12月底前，打造一批电商专业镇（村）。',
      },
      [
        {
          severity: 'info',
          variant: undefined,
          field: 'measures',
          phrase: '2022年12月底前',
          phrases: ['2022年12月底前', '2022年6月底前'],
        },
      ],
    ],
    [
      'goals without a date while the achievements have one: the columns may be swapped',
      {
        goals: '率先构建更大力度激发市场主体活力的体制机制，照后减证和优化审批位居全市前列。',
        achievements: [
          '1.2022年3月底前，上线10个准营“一件事”应用；',
          '2.2022年6月底前，上线20个准营“一件事”应用。',
        ],
      },
      [{ severity: 'info', variant: 'swapped', field: 'achievements', phrase: '2022年3月底前' }],
    ],
    [
      'deadlines in both measures and achievements: one finding each',
      { measures: ['年内完成，2022年9月底前启动'], achievements: ['到2025年落实资金8000万元以上'] },
      [
        { field: 'measures', phrase: '2022年9月底前' },
        { field: 'achievements', phrase: '到2025年' },
      ],
    ],
    ['deadlines only in the goals', { goals: '1.2022年3月底前，甲；\n2.2022年6月底前，乙。' }, []],
    [
      'measures that mention a period, not a deadline',
      { measures: ['深入实施“十四五”台州技术工人工资指引'] },
      [],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(columnMisplaced(lintItem(spec)).map(brief)).toEqual(
      expected.map((e) => expect.objectContaining({ code: 'COLUMN_MISPLACED', ...e })),
    );
  });
});
