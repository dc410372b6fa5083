import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/store/audit.repository.js';
import { AUDITED, EXEMPT } from './audit-scenarios.js';
import { openAuditWorld, type AuditWorld } from './audit-world.js';
import { routesOf } from './route-list.js';

/**
 * "Every write is recorded" (issue 7), proven route by route: the test reads the routes of the
 * built app and requires each /api route that is not a GET to be either in AUDITED — with a
 * scenario that calls it and must find the audit row it writes, by the caller — or in EXEMPT with
 * a reason (audit-scenarios.ts). A new write route that is in neither list fails the second test;
 * one that forgets appendAudit fails the third. That nothing else writes the log:
 * audit-append-only.test.ts.
 */

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

describe('every write route of the API is audited', () => {
  let w: AuditWorld;
  let writes: string[];

  beforeAll(async () => {
    w = await openAuditWorld();
    writes = routesOf(w.h.app).filter((r) => {
      const [method, url] = r.split(' ') as [string, string];
      return url.startsWith('/api/') && !READS.has(method);
    });
  });
  afterAll(async () => {
    await w?.close();
  });

  it('reads the route list from the app (the parser sees known routes, GET and write)', () => {
    const all = routesOf(w.h.app);
    expect(all).toEqual(
      expect.arrayContaining([
        'GET /api/items/:number',
        'GET /api/audit/export.xlsx',
        'PATCH /api/units/:id',
        'POST /api/units/:id/merge',
        'DELETE /api/users/:id',
      ]),
    );
    // Every path of the OpenAPI document is in the tree too, so nothing is lost in parsing.
    const paths = Object.keys((w.h.app as unknown as { swagger(): { paths: object } }).swagger().paths);
    const urls = new Set(all.map((r) => r.split(' ')[1]));
    for (const p of paths) expect(urls, p).toContain(p.replace(/\{(\w+)\}/g, ':$1'));
  });

  it('has every non-GET /api route either audited (with a scenario) or exempt (with a reason)', () => {
    const listed = new Set([...Object.keys(AUDITED), ...Object.keys(EXEMPT)]);
    const unlisted = writes.filter((r) => !listed.has(r));
    expect(unlisted, 'write routes with no audit scenario and no exemption').toEqual([]);
    const gone = [...listed].filter((r) => !writes.includes(r));
    expect(gone, 'listed routes the app no longer has').toEqual([]);
    for (const r of Object.keys(EXEMPT)) expect(AUDITED[r], r).toBeUndefined();
  });

  it('finds, for each audited route, the row its call wrote, naming the caller', async () => {
    const missing: string[] = [];
    for (const [route, s] of Object.entries(AUDITED)) {
      if (!writes.includes(route)) continue; // reported by the test above
      const id = s.prepare ? await s.prepare(w) : '';
      const before = new Set((await listAudit(w.h.t.db.kysely, w.h.orgId)).map((a) => a.id));
      const r = await s.run(w, id);
      expect(r.statusCode, `${route}: ${r.body}`).toBeLessThan(300);
      const added = (await listAudit(w.h.t.db.kysely, w.h.orgId)).filter((a) => !before.has(a.id));
      if (!added.some((a) => a.entity === s.entity && a.actor === s.actor)) {
        missing.push(
          `${route}: wrote ${JSON.stringify(added.map((a) => `${a.action} ${a.entity} by ${a.actor}`))}`,
        );
      }
    }
    expect(missing).toEqual([]);
  });
});
