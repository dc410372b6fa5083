import { ValidationError } from '../domain/errors.js';
import type { PublicationInput } from '../domain/publication/build-public-content.js';
import { progressAsOf } from '../domain/reporting/latest-progress.js';
import { cadenceOf, periodBounds, type Period } from '../domain/reporting/period.js';
import type { Db } from '../store/database.js';
import { listBulletins } from '../store/bulletins.repository.js';
import { getOrg } from '../store/orgs.repository.js';
import { listPublicSummaries } from '../store/public-summaries.repository.js';
import { rateItems, rateItemsNow } from './item-summary.js';
import type { Ledger } from './ledger.service.js';
import { localDate } from './local-date.js';
import { readingDate } from './period-range.js';
import { buildScoreboard } from './scoreboard.service.js';

/**
 * Everything the public view of a period is built from (domain/publication), gathered from the
 * ledger as of the period's reading date: its due date once passed, else today. Only approved
 * reports are in the ledger (a draft or a returned report says nothing), and of them only their
 * figures reach the builder — never their text.
 */

export type PublicationDraft = Omit<PublicationInput, 'shortCodes'>;

/** The date a publication of the period made today would read its statuses as of. */
export function publicationAsOf(ledger: Ledger, period: Period, today: string): string {
  if (!ledger.plan) throw new ValidationError('error.publication_no_plan', {}, { field: 'period' });
  if (cadenceOf(period) !== ledger.reporting.cadence) {
    throw new ValidationError(
      'error.publication_cadence',
      { period, cadence: ledger.reporting.cadence },
      { field: 'period' },
    );
  }
  if (periodBounds(period).from > today) {
    throw new ValidationError('error.publication_period_future', { period }, { field: 'period' });
  }
  return readingDate(period, ledger.reporting.dueDay, today).asOf;
}

export async function gatherPublication(
  db: Db,
  ledger: Ledger,
  period: Period,
  opts: { today: string; includeScoreboard: boolean },
): Promise<PublicationDraft> {
  const asOf = publicationAsOf(ledger, period, opts.today);
  const rated = asOf === opts.today ? rateItems(ledger, asOf) : rateItemsNow(ledger, asOf);
  const [org, summaries, bulletins, board] = await Promise.all([
    getOrg(db.kysely, ledger.orgId),
    listPublicSummaries(db.kysely, ledger.orgId, period),
    listBulletins(db.kysely, ledger.orgId, { publishedOnly: true }),
    opts.includeScoreboard ? buildScoreboard(db, ledger, asOf) : Promise.resolve(null),
  ]);
  const unitName = (u: { id: string; canonical: string }) => ledger.unitById.get(u.id)?.name ?? u.canonical;
  return {
    org: org?.name ?? '',
    planTitle: ledger.plan!.title || null,
    period,
    asOf,
    items: rated.map(({ entry, rating }) => ({
      itemKey: entry.itemKey,
      number: entry.item.number,
      numberText: entry.item.numberText,
      key: entry.item.key,
      title: entry.item.title,
      section: entry.item.section ?? null,
      lead: entry.lead ? unitName(entry.lead) : null,
      co: entry.units.filter((u) => u.role === 'co').map(unitName),
      milestones: entry.item.milestones,
      targets: entry.item.targets,
      achievements: entry.item.achievements,
      rating,
      ...(entry.reports.length > 0
        ? { targetProgress: progressAsOf(entry.reports, entry.item, asOf).targets ?? [] }
        : {}),
    })),
    summaries: new Map(summaries.map((s) => [s.itemKey, s.text])),
    scoreboard:
      board === null
        ? null
        : board.rows.map((r) => ({
            rank: r.rank,
            unit: r.unit.name,
            score: r.score,
            rates: { done: r.rates.done, onTime: r.rates.onTime, reports: r.rates.reports },
          })),
    bulletins: bulletins
      .filter((b) => b.period === period && b.seq !== null && b.publishedAt !== null)
      .map((b) => ({
        id: b.id,
        seq: b.seq!,
        title: b.content.title,
        publishedOn: localDate(b.publishedAt!, ledger.timeZone),
      }))
      .sort((a, b) => a.seq - b.seq),
  };
}
