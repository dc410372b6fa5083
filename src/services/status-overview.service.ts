import { InputError } from '../domain/errors.js';
import { countStatuses, type StatusCounts } from '../domain/status/counts.js';
import type { Db } from '../store/database.js';
import { findOrgByName } from '../store/orgs.repository.js';
import type { ScoreboardDto } from '../shared/api/scoreboard.js';
import { rateItems } from './item-summary.js';
import { loadLedger, LedgerCache } from './ledger.service.js';
import { localDate } from './local-date.js';
import { periodRange } from './period-range.js';
import { buildScoreboard } from './scoreboard.service.js';
import { keepSnapshots } from './snapshots.service.js';

/**
 * `reform-ledger status --as-of DATE`: the plan's statuses, its red items and the scoreboard as
 * of a date. Run on a schedule it also keeps the snapshots of periods whose due date has passed
 * (today's date, where the office is, decides which have).
 */

export interface StatusOverview {
  org: string;
  asOf: string;
  plan: { title: string; version: number } | null;
  counts: StatusCounts;
  red: {
    number: number | null;
    title: string;
    leadUnit: string | null;
    /** Its milestones overdue as of asOf. */
    overdue: { deadline: string; text: string }[];
  }[];
  scoreboard: ScoreboardDto;
  /** Periods whose snapshot this run took (kept ones are not taken again). */
  snapshotsTaken: string[];
}

export async function statusOverview(
  db: Db,
  input: { org: string; asOf: string; now: Date; timeZone: string },
): Promise<StatusOverview> {
  const org = await findOrgByName(db.kysely, input.org);
  if (!org) throw new InputError('error.org_not_found', { org: input.org });
  const ledger = await loadLedger(db, new LedgerCache(), org.id, input.timeZone);
  const today = localDate(input.now, input.timeZone);

  const before = new Set(
    (
      await db.kysely.selectFrom('status_snapshots').select('period').where('org_id', '=', org.id).execute()
    ).map((r) => r.period),
  );
  const kept = ledger.plan
    ? await keepSnapshots(db, ledger, periodRange(ledger, { asOf: input.asOf }, today), {
        today,
        at: input.now.toISOString(),
        actor: 'cli',
      })
    : new Map();

  const rated = rateItems(ledger, input.asOf);
  return {
    org: org.name,
    asOf: input.asOf,
    plan: ledger.plan ? { title: ledger.plan.title, version: ledger.plan.version } : null,
    counts: countStatuses(rated.map((r) => r.rating.status)),
    red: rated
      .filter((r) => r.rating.status === 'red')
      .map(({ entry, rating }) => ({
        number: entry.item.number,
        title: entry.item.title,
        leadUnit: entry.lead?.canonical ?? null,
        overdue: entry.item.milestones
          .filter((_, i) => rating.milestones[i]!.status === 'red')
          .map((m) => ({ deadline: m.deadline, text: m.text })),
      })),
    scoreboard: await buildScoreboard(db, ledger, input.asOf),
    snapshotsTaken: [...kept.keys()].filter((p) => !before.has(p)).sort(),
  };
}
