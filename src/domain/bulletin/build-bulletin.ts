import { t } from '../../i18n/index.js';
import {
  changesOf,
  lateByUnit,
  lateReporters,
  overallFigures,
  reachedInPeriod,
  trendPoints,
  unitStatusRows,
} from './figures.js';
import { dateText, periodText, sectionHeading } from './format.js';
import { rateBulletin } from './rate.js';
import { keyItemBlocks, lateItemBlocks, reportingBlocks, scoreboardBlocks } from './sections-detail.js';
import { achievementBlocks, changesBlocks, overviewBlocks, type SectionContext } from './sections-summary.js';
import type {
  BulletinBlock,
  BulletinContent,
  BulletinInput,
  BulletinSection,
  BulletinSectionKey,
} from './types.js';

/**
 * The period bulletin's content: pure, so the same input always gives the same bulletin. The
 * statuses are the locked snapshot's; the details (milestones, targets, achievements, reasons) are
 * what the approved reports known on the period's due date say. Sections are numbered 一、二、…
 * in this order, each present even when it has nothing to report (it says so).
 */
export function buildBulletin(input: BulletinInput): BulletinContent {
  const { locale, period } = input;
  const rated = rateBulletin(input);
  const { asOf } = rated;
  const plan = input.planTitle ?? t(locale, 'bulletin.plan.untitled');
  const periodLabel = periodText(locale, period);

  const achievements = reachedInPeriod(rated);
  const reporting = lateReporters(input, asOf);
  const figures = overallFigures(rated, achievements.length, reporting.totals);
  const changes = changesOf(input, rated);
  const late = lateByUnit(rated);
  const trend = trendPoints(input, (p) => periodText(locale, p));
  const byUnit = unitStatusRows(rated);

  const ctx: SectionContext = { locale, period, asOf, plan, numbering: { figure: 0, table: 0 } };
  const parts: [BulletinSectionKey, BulletinBlock[]][] = [
    ['overview', overviewBlocks(ctx, figures, trend.length)],
    ['changes', changesBlocks(ctx, changes)],
    ['achievements', achievementBlocks(ctx, achievements)],
    ['keyItems', keyItemBlocks(ctx, rated.entries)],
    ['lateItems', lateItemBlocks(ctx, late, { shown: byUnit.rows.length, total: byUnit.units })],
    ['scoreboard', scoreboardBlocks(ctx, input.scoreboard)],
    ['reporting', reportingBlocks(ctx, reporting.totals, reporting.reporters)],
  ];
  const sections = parts.map(([key, blocks], i): BulletinSection => ({
    key,
    heading: sectionHeading(locale, i + 1, t(locale, `bulletin.${key}`)),
    blocks,
  }));

  return {
    version: 1,
    locale,
    period,
    periodLabel,
    asOf,
    org: input.org,
    masthead: input.org
      ? t(locale, 'bulletin.masthead', { org: input.org })
      : t(locale, 'bulletin.masthead.noOrg'),
    title: t(locale, 'bulletin.title', { period: periodLabel, plan }),
    defaultOpening: t(locale, 'bulletin.opening', { date: dateText(locale, asOf), plan }),
    figures,
    changes,
    achievements,
    lateByUnit: late,
    lateReporters: reporting.reporters,
    charts: { trend, byUnit: byUnit.rows },
    sections,
  };
}
