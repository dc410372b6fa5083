import { t } from '../../i18n/index.js';
import type { ScoreRow } from '../reporting/scoreboard.js';
import { clause, dateText, milestoneText, percentText, periodText, rateText, subHeading } from './format.js';
import type { RatedEntry } from './rate.js';
import { chart, para, type SectionContext } from './sections-summary.js';
import type {
  BulletinBlock,
  BulletinCell,
  BulletinFigures,
  BulletinNarrative,
  LateReporter,
  LateUnit,
} from './types.js';

/** The sections that go item by item and unit by unit: key reforms, late items, ranks, reports. */

function table(ctx: SectionContext, caption: (n: number) => string): string {
  ctx.numbering.table++;
  return caption(ctx.numbering.table);
}

export function keyItemBlocks(ctx: SectionContext, entries: readonly RatedEntry[]): BulletinBlock[] {
  const { locale } = ctx;
  const key = entries.filter((e) => e.entry.item.key);
  if (key.length === 0) return [para(t(locale, 'bulletin.keyItems.none'))];
  return key.flatMap((e, i) => {
    const { item } = e.entry;
    const total = item.milestones.length;
    const done = e.rating.milestones.filter((m) => m.status === 'done').length;
    const overdue = e.rating.milestones.filter((m) => m.status === 'red').length;
    const sentences = [
      t(locale, 'bulletin.keyItems.status', {
        lead: e.entry.lead?.name ?? t(locale, 'bulletin.noLead'),
        status: t(locale, `bulletin.status.${e.status}`),
      }),
    ];
    if (total > 0) {
      sentences.push(
        overdue > 0
          ? t(locale, 'bulletin.keyItems.milestones.overdue', { total, done, overdue })
          : t(locale, 'bulletin.keyItems.milestones', { total, done }),
      );
    }
    const next = e.rating.next;
    if (next) {
      const m = item.milestones.find((x) => x.deadline === next.deadline && x.text === next.text) ?? next;
      sentences.push(t(locale, 'bulletin.keyItems.next', { text: milestoneText(locale, m) }));
    }
    return [
      { kind: 'subheading', text: subHeading(locale, i + 1, item.title) },
      para(sentences.join('')),
      para(narrative(ctx, e)),
    ] satisfies BulletinBlock[];
  });
}

/** What the latest approved report known on the due date says, labelled when from an earlier period. */
function narrative(ctx: SectionContext, e: RatedEntry): string {
  const { locale } = ctx;
  const latest = (e.entry.narratives ?? [])
    .filter((n) => n.on <= ctx.asOf && n.text.trim() !== '')
    .reduce<BulletinNarrative | null>(
      (best, n) =>
        best === null || n.on > best.on || (n.on === best.on && n.period >= best.period) ? n : best,
      null,
    );
  if (!latest) return t(locale, 'bulletin.keyItems.narrative.none');
  const text = latest.text.trim();
  return latest.period === ctx.period
    ? t(locale, 'bulletin.keyItems.narrative', { text })
    : t(locale, 'bulletin.keyItems.narrative.earlier', { period: periodText(locale, latest.period), text });
}

export function lateItemBlocks(
  ctx: SectionContext,
  units: readonly LateUnit[],
  chartUnits: { shown: number; total: number },
): BulletinBlock[] {
  const { locale } = ctx;
  const date = dateText(locale, ctx.asOf);
  const blocks: BulletinBlock[] = [];
  const items = units.flatMap((u) => u.items);
  if (items.length === 0) blocks.push(para(t(locale, 'bulletin.lateItems.none', { date })));
  else {
    const red = items.filter((i) => i.status === 'red').length;
    blocks.push(
      para(
        t(locale, 'bulletin.lateItems.summary', {
          date,
          red,
          yellow: items.length - red,
          units: units.filter((u) => u.unitId !== null).length,
        }),
      ),
    );
    const col = (k: string, width: number) => ({ title: t(locale, `bulletin.lateItems.col.${k}`), width });
    const rows = units.flatMap((u) =>
      u.items.map((it, i): BulletinCell[] => {
        const cells: BulletinCell[] = [
          { text: it.number === null ? '' : String(it.number) },
          { text: it.title },
          { text: t(locale, `bulletin.status.${it.status}`), tone: it.status },
          { text: lateDetail(ctx, it) },
        ];
        // The unit's name spans its items' rows: the reader sees each unit once, its items under it.
        if (i === 0) {
          cells.unshift({ text: u.name || t(locale, 'bulletin.noLead'), rowSpan: u.items.length });
        }
        return cells;
      }),
    );
    blocks.push({
      kind: 'table',
      caption: table(ctx, (n) => t(locale, 'bulletin.lateItems.table', { n })),
      table: {
        id: 'lateByUnit',
        columns: [col('unit', 20), col('number', 7), col('title', 28), col('status', 9), col('detail', 36)],
        rows,
      },
    });
  }
  if (chartUnits.shown > 0) {
    blocks.push(
      chart(ctx, 'byUnit', (n) =>
        chartUnits.shown < chartUnits.total
          ? t(locale, 'bulletin.chart.byUnit.top', { n, count: chartUnits.shown })
          : t(locale, 'bulletin.chart.byUnit', { n }),
      ),
    );
  }
  return blocks;
}

function lateDetail(ctx: SectionContext, it: LateUnit['items'][number]): string {
  const { locale } = ctx;
  const parts = [
    ...it.overdue.map((m) => t(locale, 'bulletin.lateItems.overdue', { text: milestoneText(locale, m) })),
    ...it.targetsMissed.map((text) => t(locale, 'bulletin.lateItems.target', { text })),
    ...it.risks.map((text) => t(locale, 'bulletin.lateItems.risk', { text: clause(text) })),
  ];
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}

export function scoreboardBlocks(
  ctx: SectionContext,
  rows: readonly (ScoreRow & { previousRank?: number | null })[],
): BulletinBlock[] {
  const { locale } = ctx;
  if (rows.length === 0) return [para(t(locale, 'bulletin.scoreboard.none'))];
  const col = (k: string, width: number) => ({ title: t(locale, `bulletin.scoreboard.col.${k}`), width });
  const withHistory = rows.some((r) => r.previousRank !== undefined);
  const change = (r: (typeof rows)[number]): string => {
    if (r.previousRank == null) return t(locale, 'bulletin.scoreboard.new');
    const d = r.previousRank - r.rank;
    if (d === 0) return t(locale, 'bulletin.scoreboard.same');
    return t(locale, d > 0 ? 'bulletin.scoreboard.up' : 'bulletin.scoreboard.down', { n: Math.abs(d) });
  };
  const columns = [
    col('rank', 8),
    col('unit', 36),
    col('score', 12),
    col('done', 12),
    col('onTime', 12),
    col('reports', 12),
  ];
  if (withHistory) columns.push(col('change', 10));
  return [
    para(t(locale, 'bulletin.scoreboard.formula')),
    {
      kind: 'table',
      caption: table(ctx, (n) => t(locale, 'bulletin.scoreboard.table', { n })),
      table: {
        id: 'scoreboard',
        columns,
        rows: rows.map((r) => {
          const cells: BulletinCell[] = [
            { text: String(r.rank) },
            { text: r.name },
            { text: r.score === null ? t(locale, 'bulletin.scoreboard.noScore') : r.score.toFixed(1) },
            { text: rateText(locale, r.rates.done) },
            { text: rateText(locale, r.rates.onTime) },
            { text: rateText(locale, r.rates.reports) },
          ];
          if (withHistory) cells.push({ text: change(r) });
          return cells;
        }),
      },
    },
  ];
}

export function reportingBlocks(
  ctx: SectionContext,
  totals: BulletinFigures['reports'],
  late: readonly LateReporter[],
): BulletinBlock[] {
  const { locale } = ctx;
  if (totals.owed === 0) return [para(t(locale, 'bulletin.reporting.none'))];
  const blocks: BulletinBlock[] = [
    para(
      t(locale, 'bulletin.reporting.summary', {
        owed: totals.owed,
        onTime: totals.onTime,
        rate: percentText(locale, totals.onTime, totals.owed),
      }),
    ),
  ];
  if (late.length === 0) {
    blocks.push(para(t(locale, 'bulletin.reporting.allOnTime')));
    return blocks;
  }
  const col = (k: string, width: number) => ({ title: t(locale, `bulletin.reporting.col.${k}`), width });
  const sep = locale === 'zh-CN' ? '、' : ', ';
  blocks.push(
    para(t(locale, 'bulletin.reporting.late', { count: late.length, date: dateText(locale, ctx.asOf) })),
    {
      kind: 'table',
      caption: table(ctx, (n) => t(locale, 'bulletin.reporting.table', { n })),
      table: {
        id: 'lateReports',
        columns: [col('unit', 40), col('owed', 16), col('late', 16), col('items', 28)],
        rows: late.map((u) => [
          { text: u.name },
          { text: String(u.owed) },
          { text: String(u.late), tone: 'red' },
          { text: u.items.map((n) => (n === null ? '—' : String(n))).join(sep) },
        ]),
      },
    },
  );
  return blocks;
}
