import type { BulletinInput, BulletinItem } from '../../src/domain/bulletin/types.js';
import type { Item } from '../../src/domain/plan.js';
import {
  dueDate,
  progressAsOf,
  takeSnapshot,
  type DatedReport,
  type Period,
} from '../../src/domain/reporting/index.js';
import type { Locale } from '../../src/i18n/index.js';

/**
 * A small synthetic plan for the bulletin, in phrases of the 三门县 2022 library, whose figures as
 * of the June 2022 due date (2022-06-25, warning window 30 days) were worked out by hand:
 *
 *  1* 农户家庭资产池  台州银保监分局三门监管组  March milestone done 03-20, achievement reached 06-10 → green
 *  2  保险制度改革    台州银保监分局三门监管组  May milestone open (red), September one at risk → red
 *  3  低收入农户帮促  县农业农村局              June 30 milestone open, inside the window → yellow
 *  4* 义务教育共同体  县教育局                  倍差 target due 06-20 unmet → red
 *  5  未来乡村试点    县农业农村局              done 04-25 (before May's due date) → done
 *  6  职业教育高地    三门技师学院              done 06-16 → done this period
 */

export const UNITS = {
  bank: { id: 'u-bank', name: '台州银保监分局三门监管组' },
  agri: { id: 'u-agri', name: '县农业农村局' },
  edu: { id: 'u-edu', name: '县教育局' },
  school: { id: 'u-school', name: '三门技师学院' },
} as const;

const m = (deadline: string, phrase: string, text: string) => ({
  deadline,
  phrase,
  text: `${phrase}，${text}`,
  source: 'goals' as const,
});

type PlanItem = Pick<Item, 'number' | 'key' | 'title' | 'milestones' | 'targets' | 'achievements'>;

function item(number: number, key: boolean, title: string, rest: Partial<PlanItem>): PlanItem {
  return { number, key, title, milestones: [], targets: [], achievements: [], ...rest };
}

export const ITEMS: { item: PlanItem; lead: { id: string; name: string }; reports: DatedReport[] }[] = [
  {
    item: item(1, true, '“农户家庭资产池”融资模式', {
      milestones: [
        m('2022-03-31', '2022年3月底前', '完成农户家庭资产评估模型'),
        m('2022-09-30', '2022年9月底前', '“农户家庭资产池”融资达15亿元以上'),
      ],
      targets: [
        {
          metric: '“农户家庭资产池”融资',
          op: '>=',
          value: 1_500_000_000,
          unit: '元',
          deadline: '2022-09-30',
          text: '15亿元以上',
          source: 'goals',
        },
      ],
      achievements: ['创新建立农户家庭资产负债表'],
    }),
    lead: UNITS.bank,
    reports: [
      {
        submittedOn: '2022-03-24',
        report: {
          milestones: [{ state: 'done', doneOn: '2022-03-20' }, null],
          targets: [null],
          achievements: [null],
        },
      },
      {
        submittedOn: '2022-06-15',
        report: {
          milestones: [null, { state: 'in_progress', percent: 60 }],
          targets: [{ actual: '12.3', unit: '亿元', reportedOn: '2022-06-15' }],
          achievements: [
            { reached: true, reachedOn: '2022-06-10', evidence: '县金融办关于资产负债表的通知' },
          ],
        },
      },
    ],
  },
  {
    item: item(2, false, '保险制度改革', {
      milestones: [
        m('2022-05-31', '2022年5月底前', '出台水稻完全成本保险试点方案'),
        m('2022-09-30', '2022年9月底前', '实现政策性农业保险全覆盖'),
      ],
    }),
    lead: UNITS.bank,
    reports: [
      {
        submittedOn: '2022-06-20',
        report: {
          milestones: [null, { state: 'at_risk', reason: '保险公司尚未确定承保方案' }],
          targets: [],
          achievements: [],
        },
      },
    ],
  },
  {
    item: item(3, false, '低收入农户数字化帮促机制', {
      milestones: [m('2022-06-30', '2022年6月底前', '形成低收入农户“幸福清单”')],
    }),
    lead: UNITS.agri,
    reports: [],
  },
  {
    item: item(4, true, '城乡义务教育共同体建设', {
      milestones: [m('2022-12-31', '2022年12月底前', '县域义务教育优质均衡发展县评审通过市级审核')],
      targets: [
        {
          metric: '城乡学生学业水平倍差',
          op: '<=',
          value: 2.36,
          unit: '',
          deadline: '2022-06-20',
          text: '缩小到2.36以内',
          source: 'goals',
        },
      ],
    }),
    lead: UNITS.edu,
    reports: [],
  },
  {
    item: item(5, false, '未来乡村试点建设', {
      milestones: [m('2022-04-30', '2022年4月底前', '第一批试点村完成规划设计')],
    }),
    lead: UNITS.agri,
    reports: [
      {
        submittedOn: '2022-04-28',
        report: { milestones: [{ state: 'done', doneOn: '2022-04-25' }], targets: [], achievements: [] },
      },
    ],
  },
  {
    item: item(6, false, '推进国家职业教育创新高地试点', {
      milestones: [m('2022-06-30', '2022年6月底前', '争取成为浙江省一流技师学院培育单位')],
    }),
    lead: UNITS.school,
    reports: [
      {
        submittedOn: '2022-06-18',
        report: { milestones: [{ state: 'done', doneOn: '2022-06-16' }], targets: [], achievements: [] },
      },
    ],
  },
];

export const bulletinItems = (): BulletinItem[] =>
  ITEMS.map((x, i) => ({
    itemKey: `item-${i + 1}`,
    item: x.item,
    lead: x.lead,
    reports: x.reports,
    narratives:
      i === 0
        ? [
            {
              period: '2022-06',
              on: '2022-06-15',
              text: '已完成资产评估模型，“农户家庭资产池”融资12.3亿元。',
            },
          ]
        : [],
  }));

/** A snapshot the way the snapshot service keeps one: statuses with what was known on the due date. */
export function snapshotOf(items: readonly BulletinItem[], period: Period, warningDays = 30) {
  const asOf = dueDate(period);
  return takeSnapshot(
    period,
    items.map((i) => ({ itemKey: i.itemKey, item: i.item, progress: progressAsOf(i.reports, i.item, asOf) })),
    { warningDays },
  );
}

export function juneInput(locale: Locale = 'zh-CN', overrides: Partial<BulletinInput> = {}): BulletinInput {
  const items = bulletinItems();
  return {
    locale,
    period: '2022-06',
    dueDay: 25,
    warningDays: 30,
    org: '三门县',
    planTitle: '三门县共同富裕“三十”工程改革库',
    items,
    snapshot: snapshotOf(items, '2022-06'),
    previous: snapshotOf(items, '2022-05'),
    history: [snapshotOf(items, '2022-04'), snapshotOf(items, '2022-05')],
    scoreboard: [
      {
        rank: 1,
        unitId: UNITS.school.id,
        name: UNITS.school.name,
        score: 100,
        rates: { done: null, onTime: 1, reports: 1, returned: 0 },
        dueMilestones: 0,
        previousRank: 2,
      },
      {
        rank: 2,
        unitId: UNITS.bank.id,
        name: UNITS.bank.name,
        score: 72.5,
        rates: { done: 0.5, onTime: 1, reports: 1, returned: 0 },
        dueMilestones: 2,
        previousRank: 1,
      },
    ],
    reportsOwed: [
      {
        itemKey: 'item-1',
        unitId: UNITS.bank.id,
        unitName: UNITS.bank.name,
        submissions: [{ on: '2022-06-15', returned: false }],
      },
      {
        itemKey: 'item-2',
        unitId: UNITS.bank.id,
        unitName: UNITS.bank.name,
        submissions: [{ on: '2022-06-20', returned: false }],
      },
      { itemKey: 'item-3', unitId: UNITS.agri.id, unitName: UNITS.agri.name, submissions: [] },
      // Submitted two days after the due date: late, whenever the bulletin is generated.
      {
        itemKey: 'item-4',
        unitId: UNITS.edu.id,
        unitName: UNITS.edu.name,
        submissions: [{ on: '2022-06-27', returned: false }],
      },
    ],
    ...overrides,
  };
}
