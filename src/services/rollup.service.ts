import { NotFoundError } from '../domain/errors.js';
import {
  addFigures,
  emptyFigures,
  rankOrgs,
  ratesOf,
  ROLLUP_WEIGHTS,
  sumFigures,
  type Figures,
} from '../domain/rollup/figures.js';
import { dueDate } from '../domain/reporting/period.js';
import type { OrgTypeDto } from '../shared/api/orgs.js';
import type { RollupDto, RollupFiguresDto, RollupRowDto } from '../shared/api/rollup.js';
import type { Ledger, LedgerCache } from './ledger.service.js';
import { orgOwnFigures } from './org-figures.service.js';
import {
  cacheFor,
  ledgersOf,
  orgRef,
  subtreeOf,
  type ResultCache,
  type RollupContext,
  yieldToOthers,
  type RollupRoot,
  type Subtree,
} from './org-subtree.service.js';
import { previousReading } from './scoreboard.service.js';

/**
 * GET /api/rollup (issue 9): the orgs below one org side by side, each with its own figures and
 * its subtree's, ranked (赛马) by the scoreboard's formula over the subtree figures. Totals are
 * sums of the orgs' own figures; nothing is counted twice or computed another way.
 *
 * The whole answer is kept under (subtree key, query, date): a province's roll-up is recomputed
 * only after something in it changed, and then only the changed orgs' ledgers are reloaded.
 */

export interface RollupQueryInput {
  scope: 'children' | 'descendants';
  type: OrgTypeDto | null;
  asOf: string;
}

const caches = new WeakMap<LedgerCache, ResultCache<RollupDto>>();

export async function buildRollup(
  ctx: RollupContext,
  root: RollupRoot,
  query: RollupQueryInput,
): Promise<RollupDto> {
  const tree = await subtreeOf(ctx, root);
  if (!tree) throw new NotFoundError('error.org_unreadable');
  const key = `${tree.key}|${query.scope}|${query.type ?? ''}|${query.asOf}`;
  return cacheFor(caches, ctx.ledgerCache).get(key, () => computeRollup(ctx, tree, query));
}

/** Own and subtree figures of every org of the tree, as of a date. */
export async function treeFigures(
  ctx: RollupContext,
  tree: Subtree,
  asOf: string,
): Promise<{
  own: Map<string, Figures<string>>;
  below: Map<string, Figures<string>>;
  ledgers: Map<string, Ledger>;
}> {
  const ledgers = await ledgersOf(
    ctx,
    tree.entries.map((e) => e.org.id),
  );
  const own = new Map<string, Figures<string>>();
  for (const e of tree.entries) {
    own.set(e.org.id, await orgOwnFigures(ctx.db, ledgers.get(e.org.id)!, asOf));
    await yieldToOthers();
  }
  // Subtree sums bottom up: entries are depth first, so children come after their parent.
  const below = new Map<string, Figures<string>>();
  for (const e of [...tree.entries].reverse()) {
    const mine = below.get(e.org.id) ?? emptyFigures<string>();
    const withSelf = addFigures(own.get(e.org.id)!, mine);
    below.set(e.org.id, withSelf);
    if (e.org.parentId !== null && e.depth > 0) {
      below.set(e.org.parentId, addFigures(below.get(e.org.parentId) ?? emptyFigures<string>(), withSelf));
    }
  }
  return { own, below, ledgers };
}

/** The previous standing: as of the due date of the period before, in the root's reporting calendar. */
export function previousAsOf(rootLedger: Ledger, asOf: string): string {
  const { cadence, dueDay } = rootLedger.reporting;
  return dueDate(previousReading(asOf, cadence, dueDay), dueDay);
}

async function computeRollup(ctx: RollupContext, tree: Subtree, query: RollupQueryInput): Promise<RollupDto> {
  const { asOf } = query;
  const byId = new Map(tree.entries.map((e) => [e.org.id, e.org]));
  const now = await treeFigures(ctx, tree, asOf);

  const rowsIn = tree.entries.filter(
    (e) =>
      e.depth >= 1 &&
      (query.scope === 'descendants' || e.depth === 1) &&
      (query.type === null || e.org.type === query.type),
  );
  const rank = (figures: Map<string, Figures<string>>) =>
    new Map(
      rankOrgs(rowsIn.map((e) => ({ id: e.org.id, name: e.org.name, figures: figures.get(e.org.id)! }))).map(
        (r) => [r.id, r],
      ),
    );
  const ranked = rank(now.below);

  const previous = rank(
    (await treeFigures(ctx, tree, previousAsOf(now.ledgers.get(tree.root.id)!, asOf))).below,
  );

  const toDto = (f: Figures<string>): RollupFiguresDto => ({
    orgs: f.orgs,
    withPlan: f.withPlan,
    items: f.items,
    keyItems: f.keyItems,
    milestones: f.milestones,
    reports: f.reports,
    rates: ratesOf(f),
    lastApproved: f.lastApproved && { ...f.lastApproved, org: orgRef(byId.get(f.lastApproved.org)!) },
  });

  const rows: RollupRowDto[] = rowsIn.map((e) => {
    const r = ranked.get(e.org.id)!;
    const plan = now.ledgers.get(e.org.id)!.plan;
    return {
      org: orgRef(e.org),
      parentId: e.org.parentId,
      depth: e.depth,
      plan: plan ? { title: plan.title, year: plan.year, version: plan.version } : null,
      own: toDto(now.own.get(e.org.id)!),
      subtree: toDto(now.below.get(e.org.id)!),
      rank: r.rank,
      previousRank: previous.get(e.org.id)?.rank ?? null,
      score: r.score,
    };
  });
  rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.org.name.localeCompare(b.org.name, 'zh-CN'),
  );
  return {
    asOf,
    org: orgRef(tree.root),
    scope: query.scope,
    type: query.type,
    self: toDto(now.own.get(tree.root.id)!),
    totals: toDto(sumFigures(tree.entries.filter((e) => e.depth >= 1).map((e) => now.own.get(e.org.id)!))),
    weights: { ...ROLLUP_WEIGHTS },
    rows,
  };
}
