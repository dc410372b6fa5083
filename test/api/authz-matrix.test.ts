import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-database.js';
import { pdf } from '../helpers/evidence-files.js';
import { OUTSIDE, ROWS } from './authz-rows.js';
import { openWorld, WHO, type Req, type World } from './authz-world.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { call, errorOf } from './harness.js';
import { routesOf } from './route-list.js';

/**
 * Every route × every caller × own/other unit, inside one organisation (the rows and their
 * columns: authz-rows.ts). The list of routes is read from the app itself, so a route added
 * without a row here fails the first test. Cross-organisation isolation has its own matrix.
 */

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A refusal names its kind in its error code too: 401 `unauthenticated`, 403 `forbidden` (a bad
 * CSRF token is `csrf`, tested below; sign-in's own 401 is a wrong password, not a missing session).
 */
const REFUSAL_CODE: Partial<Record<number, string>> = { 401: 'unauthenticated', 403: 'forbidden' };

/** `/api/reports/:id/evidence` → a regex matching the URLs of that route (query allowed). */
function routePattern(path: string): RegExp {
  const parts = path
    .split(/(:\w+|\*)/)
    .map((p) => (p === '*' ? '.*' : p.startsWith(':') ? '[^/]+?' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}(\\?.*)?$`);
}

describe.each(ENGINES)('authorization matrix inside one organisation (%s)', (engine) => {
  let w: World;
  let dataDir: string;
  let apiRoutes: string[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-authz-'));
    w = await openWorld(engine, { DATA_DIR: dataDir });
    await w.h.app.ready();
    apiRoutes = routesOf(w.h.app).filter((r) => {
      const [method, url] = r.split(' ') as [string, string];
      return url.startsWith('/api/') && method !== 'HEAD' && method !== 'OPTIONS';
    });
  }, 120_000);
  afterAll(async () => {
    await w?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a row for every /api route of the app (or a reason it has none), and none for a route gone', () => {
    const listed = new Set([...Object.keys(ROWS), ...Object.keys(OUTSIDE)]);
    expect(
      apiRoutes.filter((r) => !listed.has(r)),
      'routes with no row in authz-rows.ts',
    ).toEqual([]);
    expect(
      [...listed].filter((r) => !apiRoutes.includes(r)),
      'rows of routes the app no longer has',
    ).toEqual([]);
    // Each cell of each row is decided: six callers, a status each.
    for (const [route, cases] of Object.entries(ROWS)) {
      expect(cases.length, route).toBeGreaterThan(0);
      for (const c of cases) expect(Object.keys(c.expect).sort(), route).toEqual([...WHO].sort());
    }
  });

  it('has the OpenAPI document list exactly the routes with a row (but the document itself)', async () => {
    const doc = (await call(w.h, null, 'GET', '/api/openapi.json')).json<{ paths: Record<string, object> }>();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(
      Object.keys(ROWS)
        .filter((r) => r !== 'GET /api/openapi.json')
        .sort(),
    ).toEqual(documented.sort());
  });

  it.each(Object.entries(ROWS))('%s', async (route, cases) => {
    const [method, path] = route.split(' ') as [Req['method'], string];
    const pattern = routePattern(path);
    const wrong: string[] = [];
    for (const c of cases) {
      for (const who of WHO) {
        const req = await c.request(w, who);
        // A row must call its own route, or the cell proves nothing about it.
        expect(`${req.method} ${req.url}`, c.resource).toMatch(
          new RegExp(`^${method} ${pattern.source.slice(1)}`),
        );
        const r = await w.send(who, req);
        const code = route === 'POST /api/session' ? undefined : REFUSAL_CODE[r.statusCode];
        if (r.statusCode !== c.expect[who]) {
          wrong.push(
            `${c.resource} · ${who}: expected ${c.expect[who]}, got ${r.statusCode} ${r.body.slice(0, 160)}`,
          );
        } else if (code && errorOf(r).code !== code) {
          wrong.push(`${c.resource} · ${who}: ${r.statusCode} with code ${errorOf(r).code}, not ${code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers HEAD like GET: anonymous 401 on every signed-in GET route', async () => {
    const wrong: string[] = [];
    for (const [route, cases] of Object.entries(ROWS)) {
      if (!route.startsWith('GET ')) continue;
      const c = cases[0]!;
      const req = await c.request(w, 'anonymous');
      const r = await w.h.app.inject({ method: 'HEAD', url: req.url });
      const expected = c.expect.anonymous;
      if (r.statusCode !== expected) wrong.push(`HEAD ${req.url}: expected ${expected}, got ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every write with a valid session but no, an invented or another session’s CSRF token (403 csrf), writing nothing', async () => {
    const writes = Object.entries(ROWS).filter(
      ([route]) => !route.startsWith('GET ') && route !== 'POST /api/session',
    );
    expect(writes.length).toBeGreaterThan(20);
    const forged = ['', 'x'.repeat(43), w.sessions.viewer.csrf];
    const planned: [string, Req][] = [];
    for (const [route, cases] of writes) {
      for (const csrf of forged) {
        const req = await cases[0]!.request(w, 'admin');
        planned.push([
          `${route} with ${JSON.stringify(csrf.slice(0, 8))}`,
          { ...req, session: { cookie: w.sessions.admin.cookie, csrf } },
        ]);
      }
    }
    const audited = async () => (await listAudit(w.h.t.db.kysely, w.h.orgId)).length;
    const before = await audited();
    const wrong: string[] = [];
    for (const [what, req] of planned) {
      const r = await w.send('admin', req);
      if (r.statusCode !== 403 || errorOf(r).code !== 'csrf')
        wrong.push(`${what}: ${r.statusCode} ${r.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(await audited()).toBe(before);
    // The admin's session survived all of it (a forged sign-out signs nobody out).
    expect((await call(w.h, w.sessions.admin, 'GET', '/api/session')).statusCode).toBe(200);
  });

  describe('IDOR: ids reveal nothing', () => {
    it("answers a hidden draft's id exactly as an id that does not exist (404, same body)", async () => {
      const { report, evidence } = await w.evidence();
      const unknown = randomUUID();
      const probes: [Req['method'], (id: string) => string, unknown?][] = [
        ['GET', (id) => `/api/reports/${id}`],
        ['GET', (id) => `/api/reports/${id}/evidence`],
        ['POST', (id) => `/api/reports/${id}/submit`, { revision: 1 }],
        ['PUT', (id) => `/api/reports/${id}/contribution`, { narrative: '意见', revision: null }],
      ];
      for (const [method, url, body] of probes) {
        for (const who of ['other', 'viewer'] as const) {
          if (method !== 'GET' && who === 'viewer') continue; // a viewer's writes stop at the role
          const hidden = await call(w.h, w.sessions[who], method, url(report), { body });
          const absent = await call(w.h, w.sessions[who], method, url(unknown), { body });
          expect([hidden.statusCode, absent.statusCode], `${method} ${url(':id')} as ${who}`).toEqual([
            404, 404,
          ]);
          expect(hidden.body.replaceAll(report, '<id>')).toBe(absent.body.replaceAll(unknown, '<id>'));
        }
      }
      for (const [method, url] of [
        ['GET', `/api/evidence/`],
        ['DELETE', `/api/evidence/`],
      ] as const) {
        const hidden = await call(w.h, w.sessions.other, method, url + evidence);
        const absent = await call(w.h, w.sessions.other, method, url + unknown);
        expect([hidden.statusCode, absent.statusCode]).toEqual([404, 404]);
        expect(hidden.body.replaceAll(evidence, '<id>')).toBe(absent.body.replaceAll(unknown, '<id>'));
      }
      const upload = (id: string) =>
        w.send('other', {
          method: 'POST',
          url: `/api/reports/${id}/evidence`,
          file: { name: 'x.pdf', bytes: pdf('probe') },
        });
      const [hidden, absent] = [await upload(report), await upload(unknown)];
      expect([hidden.statusCode, absent.statusCode]).toEqual([404, 404]);
      expect(hidden.body.replaceAll(report, '<id>')).toBe(absent.body.replaceAll(unknown, '<id>'));
    });

    it("answers another user's notification exactly as one that does not exist", async () => {
      const theirs = w.notifications.lead;
      const unknown = randomUUID();
      const hidden = await call(w.h, w.sessions.co, 'POST', `/api/notifications/${theirs}/read`);
      const absent = await call(w.h, w.sessions.co, 'POST', `/api/notifications/${unknown}/read`);
      expect([hidden.statusCode, absent.statusCode]).toEqual([404, 404]);
      expect(hidden.body.replaceAll(theirs, '<id>')).toBe(absent.body.replaceAll(unknown, '<id>'));
      // Nor does a draft bulletin's id tell a reporter more than a random one.
      const draft = await call(w.h, w.sessions.lead, 'GET', `/api/bulletins/${w.bulletins.draft}`);
      const none = await call(w.h, w.sessions.lead, 'GET', `/api/bulletins/${unknown}`);
      expect(draft.body.replaceAll(w.bulletins.draft, '<id>')).toBe(none.body.replaceAll(unknown, '<id>'));
    });

    it('refuses a role before looking at the id: a viewer gets the same 403 for a real and a made-up id', async () => {
      const real = await w.submitted();
      for (const action of ['approve', 'return'] as const) {
        const body = { revision: 2, comment: '退回' };
        const a = await call(w.h, w.sessions.lead, 'POST', `/api/reports/${real}/${action}`, { body });
        const b = await call(w.h, w.sessions.lead, 'POST', `/api/reports/${randomUUID()}/${action}`, {
          body,
        });
        expect([a.statusCode, b.statusCode]).toEqual([403, 403]);
        expect(a.body).toBe(b.body);
      }
      const user = await call(w.h, w.sessions.viewer, 'DELETE', `/api/users/${w.userIds.admin}`);
      const nobody = await call(w.h, w.sessions.viewer, 'DELETE', `/api/users/${randomUUID()}`);
      expect([user.statusCode, errorOf(user).code]).toEqual([403, 'forbidden']);
      expect(user.body).toBe(nobody.body);
    });

    it('gives every record that URLs name a random (v4 UUID) id, never a count', async () => {
      // Made by the app's own code paths (the world's shortcuts write some rows directly).
      const made = async (method: Req['method'], url: string, body: unknown) => {
        const r = await call(w.h, w.sessions.admin, method, url, { body });
        expect(r.statusCode, r.body).toBeLessThan(300);
        return r.json<{ id: string }>().id;
      };
      const empty = { milestones: [], targets: [], achievements: [], narrative: '' };
      const fill = (n: number) => Array.from({ length: n }, () => null);
      const content = {
        ...empty,
        milestones: fill(w.item.milestones),
        targets: fill(w.item.targets),
        achievements: fill(w.item.achievements),
      };
      const ids = {
        report: await Promise.all(
          ['2022-01', '2022-06'].map((p) =>
            made('PUT', `/api/reports/by-item/${w.item.itemKey}/${p}`, { ...content, revision: null }),
          ),
        ),
        evidence: [(await w.evidence()).evidence, (await w.evidence()).evidence],
        user: await Promise.all(
          ['idcheck-a', 'idcheck-b'].map((u) =>
            made('POST', '/api/users', {
              username: u,
              displayName: u,
              role: 'viewer',
              password: 'sanmen2022reform',
            }),
          ),
        ),
        preview: [await w.preview(), await w.preview()],
        bulletin: [w.bulletins.draft, w.bulletins.published],
        notification: [w.notifications.lead, w.notifications.co],
        unit: [w.leadUnitId, w.coUnitId],
        item: [w.item.itemKey],
      };
      for (const [kind, list] of Object.entries(ids)) {
        for (const id of list) expect(id, kind).toMatch(UUID_V4);
      }
      // The session token is 32 random bytes (base64url); the CSRF token too.
      const [, token] = w.sessions.admin.cookie.split('=')[1]!.split('.');
      expect(Buffer.from(token!, 'base64url')).toHaveLength(32);
      expect(Buffer.from(w.sessions.admin.csrf, 'base64url')).toHaveLength(32);
    });
  });
});
