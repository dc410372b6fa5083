import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import { LedgerCache, loadLedger } from '../../src/services/ledger.service.js';
import { buildRollup, previousAsOf } from '../../src/services/rollup.service.js';
import { warmRollups } from '../../src/services/rollup-warm.service.js';
import { ENGINES } from '../helpers/test-database.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { findUnit } from '../../src/store/units.repository.js';
import { LEAD_UNIT, openOrgWorld, type OrgWorld } from './org-world.js';

/**
 * Warming the roll-ups at start (issue 9): it fills the caches the routes read — every org's
 * ledger and own figures as of the day and the previous due date, the default roll-up — without
 * changing a number; an aborted warm-up computes nothing; a server that warms closes cleanly.
 */

const AS_OF = '2022-06-30';
const TZ = 'Asia/Shanghai';

describe.each(ENGINES)('roll-up warm-up on %s', (engine) => {
  let w: OrgWorld;
  beforeAll(async () => {
    w = await openOrgWorld(engine);
    // A report in a county, so that there is something owed and approved to count.
    const item = await currentItem(w.t.db, w.orgs.sanmen, 1);
    const unit = (await findUnit(w.t.db.kysely, w.orgs.sanmen, LEAD_UNIT))!;
    await insertReport(w.t.db, w.orgs.sanmen, {
      item,
      period: '2022-05',
      unitId: unit.id,
      content: content(item, { milestones: { 0: { state: 'done', doneOn: '2022-05-20' } } }),
      steps: [
        ['submit', '2022-06-05T02:00:00.000Z'],
        ['approve', '2022-06-06T02:00:00.000Z'],
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await w?.close();
  });

  const ctxOf = () => ({ db: w.t.db, ledgerCache: new LedgerCache(), timeZone: TZ });
  const figuresKept = async (ctx: ReturnType<typeof ctxOf>, orgId: string, asOf: string) =>
    (await loadLedger(ctx.db, ctx.ledgerCache, orgId, TZ)).memo.has(`rollup-own|${asOf}`);

  it('computes every org of the tree, for the day and the previous due date, and the same roll-up', async () => {
    const ctx = ctxOf();
    expect(await warmRollups(ctx, AS_OF, new AbortController().signal)).toBe(Object.keys(w.orgs).length);
    const previous = previousAsOf(await loadLedger(ctx.db, ctx.ledgerCache, w.orgs.province, TZ), AS_OF);
    expect(previous < AS_OF).toBe(true);
    for (const id of Object.values(w.orgs)) {
      expect(await figuresKept(ctx, id, AS_OF)).toBe(true);
      expect(await figuresKept(ctx, id, previous)).toBe(true);
    }
    const root = { orgId: w.orgs.province, below: true };
    for (const scope of ['children', 'descendants'] as const) {
      const query = { scope, type: null, asOf: AS_OF };
      expect(await buildRollup(ctx, root, query)).toEqual(await buildRollup(ctxOf(), root, query));
    }
  });

  it('computes nothing once aborted', async () => {
    const ctx = ctxOf();
    const abort = new AbortController();
    abort.abort();
    expect(await warmRollups(ctx, AS_OF, abort.signal)).toBe(0);
    for (const id of Object.values(w.orgs)) expect(await figuresKept(ctx, id, AS_OF)).toBe(false);
  });

  it('runs in a listening server and stops with it', async () => {
    const app = await buildApp({ db: w.t.db, config: loadConfig({}), warmRollups: true });
    await app.listen({ host: '127.0.0.1', port: 0 });
    // Closing while it runs (or after it finished) must not fail nor leave it using the database.
    await app.close();
  });
});
