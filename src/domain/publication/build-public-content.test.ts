import { describe, expect, it } from 'vitest';
import { itemStatus } from '../status/item-status.js';
import {
  buildPublicContent,
  itemRefs,
  type PublicItemInput,
  type PublicationInput,
} from './build-public-content.js';

const opts = { asOf: '2022-06-25', warningDays: 30 };
const plan = {
  milestones: [
    { deadline: '2022-03-31', text: '完成摸底' },
    { deadline: '2022-12-31', text: '全面推开' },
  ],
  targets: [
    {
      metric: '贷款',
      text: '发放贷款15亿元以上',
      op: '>=' as const,
      value: 1_500_000_000,
      unit: '元',
      deadline: '2022-12-31',
    },
  ],
  achievements: ['形成一批典型案例'],
};

function item(over: Partial<PublicItemInput> = {}): PublicItemInput {
  return {
    itemKey: 'k1',
    number: 1,
    numberText: '1*',
    key: true,
    title: '低收入农户数字化帮促',
    section: null,
    lead: '县农业农村局',
    co: ['县民政局'],
    ...plan,
    rating: itemStatus(plan, opts, { milestones: [{ completedOn: '2022-04-02' }] }),
    targetProgress: [{ actual: 600_000_000, reportedOn: '2022-06-01' }],
    ...over,
  };
}

function input(items: PublicItemInput[], over: Partial<PublicationInput> = {}): PublicationInput {
  return {
    org: '三门县',
    planTitle: '改革库',
    period: '2022-06',
    asOf: '2022-06-25',
    items,
    summaries: new Map([['k1', '  已完成摸底。 ']]),
    shortCodes: new Map([['k1', 'abcdefg']]),
    scoreboard: null,
    bulletins: [],
    ...over,
  };
}

describe('buildPublicContent', () => {
  it('copies only the whitelisted fields, whatever else the input carries', () => {
    const leaky = {
      ...item(),
      narrative: '内部说明',
      measures: ['举措'],
      goalsText: '目标原文',
      reports: [{ reviewComment: '退回意见' }],
    } as PublicItemInput;
    const c = buildPublicContent(input([leaky]));
    const i = c.items[0]!;
    expect(Object.keys(i).sort()).toEqual(
      [
        'achievements',
        'co',
        'itemKey',
        'key',
        'lead',
        'milestones',
        'number',
        'numberText',
        'ref',
        'section',
        'shortCode',
        'status',
        'summary',
        'targets',
        'title',
      ].sort(),
    );
    expect(JSON.stringify(c)).not.toMatch(/内部说明|举措|目标原文|退回意见/);
    expect(Object.keys(i.targets[0]!).sort()).toEqual(
      ['actual', 'deadline', 'metric', 'op', 'status', 'text', 'unit', 'value'].sort(),
    );
  });

  it('shows milestones done late, the approved actual, the trimmed summary and the counts', () => {
    const c = buildPublicContent(input([item()]));
    const i = c.items[0]!;
    expect(i.milestones.map((m) => [m.status, m.late])).toEqual([
      ['done', true],
      ['green', false],
    ]);
    expect(i.targets[0]!.actual).toBe(600_000_000);
    expect(i.summary).toBe('已完成摸底。');
    expect(i.shortCode).toBe('abcdefg');
    expect(c.counts).toEqual({ red: 0, yellow: 0, green: 1, done: 0, total: 1 });
  });

  it('leaves out an actual reported after the as-of date, and a blank summary', () => {
    const later = item({ targetProgress: [{ actual: 2_000_000_000, reportedOn: '2022-07-01' }] });
    const c = buildPublicContent(input([later], { summaries: new Map([['k1', '   ']]) }));
    expect(c.items[0]!.targets[0]!.actual).toBeNull();
    expect(c.items[0]!.summary).toBeNull();
  });

  it('keeps the scoreboard to rank, unit, score and three rates', () => {
    const c = buildPublicContent(
      input([item()], {
        scoreboard: [
          {
            rank: 1,
            unit: '县农业农村局',
            score: 91.5,
            rates: { done: 1, onTime: 0.5, reports: null, returned: 0.2 } as never,
          },
        ],
      }),
    );
    expect(c.scoreboard).toEqual([
      { rank: 1, unit: '县农业农村局', score: 91.5, done: 1, onTime: 0.5, reports: null },
    ]);
  });
});

describe('itemRefs', () => {
  it('uses the number where it is unique, the key otherwise', () => {
    expect(
      itemRefs([
        { number: 1, itemKey: 'a' },
        { number: 2, itemKey: 'b' },
        { number: 2, itemKey: 'c' },
        { number: null, itemKey: 'd' },
      ]),
    ).toEqual(['1', 'b', 'c', 'd']);
  });
});
