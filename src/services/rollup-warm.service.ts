import { listAllOrgs } from '../store/org-tree.repository.js';
import { loadLedger } from './ledger.service.js';
import { orgOwnFigures } from './org-figures.service.js';
import { subtreeOf, yieldToOthers, type RollupContext } from './org-subtree.service.js';
import { buildRollup, previousAsOf } from './rollup.service.js';

/**
 * After a restart every ledger and every org's figures are cold: the first roll-up of a province
 * would load and rate a hundred ledgers while its visitor waits. This does that work in the
 * background, one org at a time, yielding between orgs and stopping as soon as `signal` aborts
 * (the server is closing). It fills the very caches the routes read — each org's ledger, its own
 * figures as of `asOf` and as of the previous due date — and the default roll-up (children of each
 * top-level org), so any roll-up of that day is then a ranking over kept figures.
 *
 * Returns the number of orgs warmed; stops early (without error) when aborted.
 */
export async function warmRollups(ctx: RollupContext, asOf: string, signal: AbortSignal): Promise<number> {
  const orgs = await listAllOrgs(ctx.db.kysely);
  const parents = new Set(orgs.map((o) => o.parentId));
  let warmed = 0;
  for (const top of orgs.filter((o) => o.parentId === null && parents.has(o.id))) {
    const root = { orgId: top.id, below: true };
    const tree = await subtreeOf(ctx, root);
    if (!tree) continue;
    const rootLedger = await loadLedger(ctx.db, ctx.ledgerCache, top.id, ctx.timeZone);
    const dates = [asOf, previousAsOf(rootLedger, asOf)];
    for (const entry of tree.entries) {
      if (signal.aborted) return warmed;
      const ledger = await loadLedger(ctx.db, ctx.ledgerCache, entry.org.id, ctx.timeZone);
      for (const date of dates) await orgOwnFigures(ctx.db, ledger, date);
      warmed++;
      await yieldToOthers();
    }
    if (signal.aborted) return warmed;
    await buildRollup(ctx, root, { scope: 'children', type: null, asOf });
  }
  return warmed;
}
