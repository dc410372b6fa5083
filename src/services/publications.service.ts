import { NotFoundError } from '../domain/errors.js';
import { periodText } from '../domain/bulletin/format.js';
import {
  comparePeriods,
  parsePeriod,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Period,
} from '../domain/reporting/period.js';
import type { Locale } from '../i18n/index.js';
import type {
  PublicAtDto,
  PublicationEventDto,
  PublicationHistoryDto,
  PublicationPeriodDto,
  PublicationsDto,
  PublicationSummaryDto,
  PublicSummaryDto,
} from '../shared/api/publications.js';
import type { Db } from '../store/database.js';
import {
  findPublication,
  listPublicationEvents,
  listPublicationsWithContent,
  publicAt,
  type PublicationWithContent,
} from '../store/publications.repository.js';
import { listPublicSummaries, setPublicSummary } from '../store/public-summaries.repository.js';
import type { WriteContext } from '../store/write-context.js';
import { rateItems, rateItemsNow } from './item-summary.js';
import type { Ledger } from './ledger.service.js';
import { MAX_PERIODS } from './period-range.js';
import { publicationAsOf } from './publication-input.js';

/** The office's side of the public portal: what is published, the summaries, the history. */

export function publicIndexPath(orgId: string): string {
  return `/public/${orgId}/`;
}

export function publicPeriodPath(orgId: string, period: string): string {
  return `/public/${orgId}/periods/${period}/`;
}

export function toPublicationSummary(
  orgId: string,
  p: PublicationWithContent,
  locale: Locale,
): PublicationSummaryDto {
  return {
    period: p.period,
    periodLabel: periodText(locale, p.period as Period),
    state: p.state,
    revision: p.revision,
    includeScoreboard: p.includeScoreboard,
    asOf: p.asOf,
    counts: p.content.counts,
    publishedAt: p.publishedAt,
    publishedBy: p.publishedBy,
    withdrawnAt: p.withdrawnAt,
    withdrawnBy: p.withdrawnBy,
    publicPath: publicPeriodPath(orgId, p.period),
  };
}

export async function listPublicationsView(
  db: Db,
  ledger: Ledger,
  today: string,
  locale: Locale,
): Promise<PublicationsDto> {
  const rows = await listPublicationsWithContent(db.kysely, ledger.orgId);
  return {
    publications: rows.map((p) => toPublicationSummary(ledger.orgId, p, locale)),
    periods: publishablePeriods(ledger, today).map((period) => ({
      period,
      label: periodText(locale, period),
    })),
    publicPath: publicIndexPath(ledger.orgId),
  };
}

/** From the plan's first period (at most MAX_PERIODS back) to today's, newest first. */
export function publishablePeriods(ledger: Ledger, today: string): Period[] {
  if (!ledger.plan) return [];
  const cadence = ledger.reporting.cadence;
  const last = periodOf(today, cadence);
  let first = last;
  const start = ledger.plan.year ? periodOf(`${ledger.plan.year}-01-01`, cadence) : null;
  for (let i = 1; i < MAX_PERIODS; i++) {
    const earlier = previousPeriod(first);
    if (start === null ? i >= 12 : comparePeriods(earlier, start) < 0) break;
    first = earlier;
  }
  return periodsBetween(first, last).reverse();
}

export async function publicationPeriodView(
  db: Db,
  ledger: Ledger,
  periodText_: string,
  today: string,
  locale: Locale,
): Promise<PublicationPeriodDto> {
  const period = parsePeriod(periodText_);
  const asOf = publicationAsOf(ledger, period, today);
  const rated = asOf === today ? rateItems(ledger, asOf) : rateItemsNow(ledger, asOf);
  const [summaries, publication] = await Promise.all([
    listPublicSummaries(db.kysely, ledger.orgId, period),
    findPublication(db.kysely, ledger.orgId, period),
  ]);
  const written = new Map(summaries.map((s) => [s.itemKey, s.text]));
  const published = new Map(
    publication?.state === 'published' ? publication.content.items.map((i) => [i.itemKey, i.summary]) : [],
  );
  return {
    period,
    periodLabel: periodText(locale, period),
    asOf,
    publication: publication ? toPublicationSummary(ledger.orgId, publication, locale) : null,
    items: rated.map(({ entry, rating }) => ({
      itemKey: entry.itemKey,
      number: entry.item.number,
      title: entry.item.title,
      status: rating.status,
      summary: written.get(entry.itemKey) ?? null,
      publishedSummary: published.get(entry.itemKey) ?? null,
    })),
  };
}

export async function editPublicSummary(
  db: Db,
  ledger: Ledger,
  ctx: WriteContext,
  params: { period: string; itemKey: string },
  text: string,
): Promise<PublicSummaryDto> {
  const period = parsePeriod(params.period);
  if (!ledger.items.some((i) => i.itemKey === params.itemKey)) {
    throw new NotFoundError('error.public_summary_item', { itemKey: params.itemKey }, { field: 'itemKey' });
  }
  const value = text.trim() === '' ? null : text.trim();
  await db.kysely.transaction().execute((trx) => setPublicSummary(trx, ctx, period, params.itemKey, value));
  return { period, itemKey: params.itemKey, summary: value };
}

export async function publicationHistory(
  db: Db,
  orgId: string,
  period: string | undefined,
  locale: Locale,
): Promise<PublicationHistoryDto> {
  const events = await listPublicationEvents(db.kysely, orgId, period);
  return {
    events: events.map((e): PublicationEventDto => ({
      ...e,
      periodLabel: periodText(locale, e.period as Period),
    })),
  };
}

export async function whatWasPublic(db: Db, orgId: string, at: string): Promise<PublicAtDto> {
  const instant = new Date(at).toISOString();
  return { at: instant, periods: await publicAt(db.kysely, orgId, instant) };
}
