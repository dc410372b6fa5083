import { t, type Locale } from '../../i18n/index.js';
import { previousPeriod } from '../reporting/period.js';
import type { Period } from '../reporting/period.js';
import { clause, dateText, itemList, itemText, percentText, periodText } from './format.js';
import type {
  BulletinBlock,
  BulletinChanges,
  BulletinFigures,
  ChartId,
  ReachedAchievement,
} from './types.js';

/**
 * The sections that sum the period up: overall numbers, what changed, the landmark achievements.
 * Every sentence is a catalogue entry filled with figures.
 */

export interface Numbering {
  figure: number;
  table: number;
}

export interface SectionContext {
  locale: Locale;
  period: Period;
  asOf: string;
  plan: string;
  numbering: Numbering;
}

export const para = (text: string): BulletinBlock => ({ kind: 'paragraph', text });

export function chart(ctx: SectionContext, chart: ChartId, caption: (n: number) => string): BulletinBlock {
  ctx.numbering.figure++;
  return { kind: 'chart', chart, caption: caption(ctx.numbering.figure) };
}

export function overviewBlocks(
  ctx: SectionContext,
  f: BulletinFigures,
  trendPoints: number,
): BulletinBlock[] {
  const { locale } = ctx;
  const date = dateText(locale, ctx.asOf);
  const m = f.milestones;
  const blocks = [
    para(t(locale, 'bulletin.overview.items', { date, plan: ctx.plan, ...f.items })),
    para(
      m.due === 0
        ? t(locale, 'bulletin.overview.milestones.noneDue', {
            total: m.total,
            done: m.doneOnTime + m.doneLate,
          })
        : t(locale, 'bulletin.overview.milestones', {
            total: m.total,
            due: m.due,
            dueDone: m.dueDone,
            rate: percentText(locale, m.dueDone, m.due),
            overdue: m.overdue,
            onTime: m.doneOnTime,
            late: m.doneLate,
          }),
    ),
  ];
  if (f.targets.total > 0) {
    const blank = f.targets.blank > 0 ? t(locale, 'bulletin.overview.targets.blank', f.targets) : '';
    blocks.push(para(t(locale, 'bulletin.overview.targets', f.targets) + blank));
  }
  if (f.achievements.total > 0) {
    blocks.push(
      para(
        t(locale, 'bulletin.overview.achievements', {
          total: f.achievements.total,
          reached: f.achievements.reached,
          inPeriod: f.achievements.reachedInPeriod,
        }),
      ),
    );
  }
  if (trendPoints > 0) blocks.push(chart(ctx, 'trend', (n) => t(locale, 'bulletin.chart.trend', { n })));
  return blocks;
}

export function changesBlocks(ctx: SectionContext, c: BulletinChanges): BulletinBlock[] {
  const { locale } = ctx;
  if (c.first) return [para(t(locale, 'bulletin.changes.first'))];
  const previous = periodText(locale, previousPeriod(ctx.period));
  const lists = [
    ['done', c.done],
    ['becameRed', c.becameRed],
    ['recovered', c.recovered],
    ['reopened', c.reopened],
  ] as const;
  const blocks: BulletinBlock[] = [];
  if (lists.every(([, l]) => l.length === 0) && c.added.length === 0 && c.removed.length === 0) {
    return [para(t(locale, 'bulletin.changes.none', { previous }))];
  }
  blocks.push(
    para(
      t(locale, 'bulletin.changes.summary', {
        previous,
        done: c.done.length,
        becameRed: c.becameRed.length,
        recovered: c.recovered.length,
        reopened: c.reopened.length,
      }),
    ),
  );
  for (const [key, list] of lists) {
    if (list.length > 0) {
      blocks.push(para(t(locale, `bulletin.changes.${key}`, { items: itemList(locale, list, true) })));
    }
  }
  if (c.added.length > 0) {
    blocks.push(
      para(t(locale, 'bulletin.changes.added', { count: c.added.length, items: itemList(locale, c.added) })),
    );
  }
  if (c.removed.length > 0) {
    blocks.push(para(t(locale, 'bulletin.changes.removed', { count: c.removed.length })));
  }
  return blocks;
}

export function achievementBlocks(
  ctx: SectionContext,
  reached: readonly ReachedAchievement[],
): BulletinBlock[] {
  const { locale } = ctx;
  if (reached.length === 0) return [para(t(locale, 'bulletin.achievements.none'))];
  return [
    para(t(locale, 'bulletin.achievements.intro', { count: reached.length })),
    ...reached.map((a, i) =>
      para(
        a.reachedOn
          ? t(locale, 'bulletin.achievements.entry', {
              n: i + 1,
              item: itemText(locale, a, true),
              text: clause(a.text),
              date: dateText(locale, a.reachedOn),
            })
          : t(locale, 'bulletin.achievements.entry.noDate', {
              n: i + 1,
              item: itemText(locale, a, true),
              text: clause(a.text),
            }),
      ),
    ),
  ];
}
