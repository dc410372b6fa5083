import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemsPage, UnitDto, UserDto } from '../../src/shared/api/index.js';
import { randomUUID } from 'node:crypto';
import { listAudit } from '../../src/store/audit.repository.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { hashPassword } from '../../src/services/password-hash.js';
import { insertUser } from '../../src/store/users.repository.js';
import { fileFor, makePlan } from '../helpers/plan-factory.js';
import { call, errorOf, login, openHarness, PASSWORD, type Harness, type Session } from './harness.js';

describe('administration: users, units, the organisation', () => {
  let h: Harness;
  let admin: Session;
  beforeEach(async () => {
    h = await openHarness('sqlite');
    admin = await login(h, 'admin');
  });
  afterEach(async () => {
    await h?.close();
  });

  describe('users', () => {
    it('creates a reporter bound to a unit, who can then sign in; lists users without secrets', async () => {
      const unitId = await h.unitId('县民政局');
      const r = await call(h, admin, 'POST', '/api/users', {
        body: {
          username: 'minzheng',
          displayName: '民政局联络员',
          role: 'reporter',
          unitId,
          password: PASSWORD,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json<UserDto>()).toMatchObject({
        username: 'minzheng',
        role: 'reporter',
        unitId,
        disabled: false,
        lockedUntil: null,
      });
      const s = await login(h, 'minzheng');
      expect((await call(h, s, 'GET', '/api/session')).json().user.unitName).toBe('县民政局');
      const list = await call(h, admin, 'GET', '/api/users');
      expect(list.json<{ users: UserDto[] }>().users.map((u) => u.username)).toEqual([
        'admin',
        'jinrong',
        'leader',
        'minzheng',
        'nongyeju',
      ]);
      expect(list.body).not.toContain('scrypt');
      expect(
        (await listAudit(h.t.db.kysely, h.orgId, { entity: 'user' })).some((a) => a.actor === 'admin'),
      ).toBe(true);
    });

    it.each([
      [{ role: 'reporter' }, 400, 'unitId'],
      [{ role: 'reporter', unitId: '00000000-0000-4000-8000-000000000000' }, 400, 'unitId'],
      [{ role: 'superuser' }, 400, 'role'],
      [{ role: 'viewer', username: 'a b' }, 400, 'username'],
      [{ role: 'viewer', password: 'short' }, 400, 'password'],
      [{ role: 'viewer', username: 'leader' }, 409, 'username'],
      [{ role: 'viewer', extra: 1 }, 400, ''],
    ])('refuses %o with %i naming the field', async (patch, status, field) => {
      const body = { username: 'dc', displayName: '督查', password: PASSWORD, ...patch };
      const r = await call(h, admin, 'POST', '/api/users', { body });
      expect(r.statusCode, r.body).toBe(status);
      if (field) expect(errorOf(r).field).toBe(field);
    });

    it('disabling a user ends their sessions and stops sign-in', async () => {
      const s = await login(h, 'leader');
      const r = await call(h, admin, 'PATCH', `/api/users/${h.users.viewer.id}`, {
        body: { disabled: true },
      });
      expect(r.json<UserDto>().disabled).toBe(true);
      expect((await call(h, s, 'GET', '/api/session')).statusCode).toBe(401);
      const again = await h.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'leader', password: PASSWORD },
      });
      expect(again.statusCode).toBe(401);
    });

    it('an admin sets a new password and lifts a lock-out', async () => {
      for (let i = 0; i < 5; i++) {
        await h.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'leader', password: 'wrong-pass-1' },
        });
      }
      const r = await call(h, admin, 'PATCH', `/api/users/${h.users.viewer.id}`, {
        body: { password: 'reset-by-admin-2022' },
      });
      expect(r.json<UserDto>().lockedUntil).toBeNull();
      await login(h, 'leader', 'reset-by-admin-2022');
    });

    it('a reporter turned viewer loses the unit; a viewer turned reporter needs one', async () => {
      const r = await call(h, admin, 'PATCH', `/api/users/${h.users.reporter.id}`, {
        body: { role: 'viewer' },
      });
      expect(r.json<UserDto>()).toMatchObject({ role: 'viewer', unitId: null });
      const v = await call(h, admin, 'PATCH', `/api/users/${h.users.viewer.id}`, {
        body: { role: 'reporter' },
      });
      expect(v.statusCode).toBe(400);
      expect(errorOf(v)).toMatchObject({ field: 'unitId', message: '联络员必须绑定一个责任单位' });
    });

    it('keeps at least one admin and does not let an admin delete or disable themself', async () => {
      const self = h.users.admin.id;
      expect(errorOf(await call(h, admin, 'DELETE', `/api/users/${self}`))).toMatchObject({
        code: 'conflict',
      });
      expect(
        (await call(h, admin, 'PATCH', `/api/users/${self}`, { body: { disabled: true } })).statusCode,
      ).toBe(409);
      expect(
        errorOf(await call(h, admin, 'PATCH', `/api/users/${self}`, { body: { role: 'viewer' } })),
      ).toMatchObject({
        code: 'conflict',
        message: '至少要保留一个可用的管理员账号',
      });
      expect((await call(h, admin, 'DELETE', `/api/users/${h.users.otherReporter.id}`)).statusCode).toBe(204);
      expect((await call(h, admin, 'DELETE', `/api/users/${h.users.otherReporter.id}`)).statusCode).toBe(404);
    });
  });

  describe('units', () => {
    const units = async () => (await call(h, admin, 'GET', '/api/units')).json<{ units: UnitDto[] }>().units;

    it('renames a unit, keeping the old name as an alias; search finds items by the new name', async () => {
      const id = await h.unitId('县金融中心');
      const r = await call(h, admin, 'PATCH', `/api/units/${id}`, {
        body: { name: '县金融服务中心', type: 'department' },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json<UnitDto>()).toMatchObject({ id, name: '县金融服务中心', type: 'department' });
      expect(r.json<UnitDto>().aliases).toContain('县金融中心');
      const found = (
        await call(h, admin, 'GET', `/api/items?pageSize=200&q=${encodeURIComponent('县金融服务中心')}`)
      ).json<ItemsPage>();
      expect(found.items.map((i) => i.number)).toEqual(
        (await call(h, admin, 'GET', `/api/items?pageSize=200&unit=${id}`))
          .json<ItemsPage>()
          .items.map((i) => i.number),
      );
      expect(
        found.items[0]?.leadUnit?.name ?? found.items[0]?.coUnits.find((u) => u.id === id)?.name,
      ).toBeDefined();
    });

    it('refuses a name another unit has, or has as an alias (409)', async () => {
      const id = await h.unitId('县金融中心');
      const r = await call(h, admin, 'PATCH', `/api/units/${id}`, { body: { name: '县农业农村局' } });
      expect(r.statusCode).toBe(409);
      expect(errorOf(r)).toMatchObject({ code: 'conflict', field: 'name' });
      const alias = (await units()).find((u) => u.aliases.length > 0 && u.id !== id)!;
      expect(
        (await call(h, admin, 'PATCH', `/api/units/${id}`, { body: { name: alias.aliases[0] } })).statusCode,
      ).toBe(409);
    });

    it('merges a unit into another: items, aliases and users move, the name stays as an alias', async () => {
      const from = await h.unitId('县金融中心');
      const into = await h.unitId('人民银行三门支行');
      const before = await units();
      const f = before.find((u) => u.id === from)!;
      const i = before.find((u) => u.id === into)!;
      const r = await call(h, admin, 'POST', `/api/units/${from}/merge`, { body: { into } });
      expect(r.statusCode, r.body).toBe(200);
      const merged = r.json<UnitDto>();
      expect(merged.aliases).toContain('县金融中心');
      // Items naming both count once.
      expect(merged.lead).toBeGreaterThanOrEqual(i.lead);
      expect(merged.lead + merged.co).toBeGreaterThanOrEqual(Math.max(f.lead + f.co, i.lead + i.co));
      expect((await units()).some((u) => u.id === from)).toBe(false);
      const users = (await call(h, admin, 'GET', '/api/users')).json<{ users: UserDto[] }>().users;
      expect(users.find((u) => u.username === 'jinrong')?.unitId).toBe(into);
      expect((await call(h, admin, 'GET', `/api/units/${from}`)).statusCode).toBe(404);
    });

    it('refuses to merge a unit into itself (400) or into a unit that does not exist (404)', async () => {
      const id = await h.unitId('县金融中心');
      const self = await call(h, admin, 'POST', `/api/units/${id}/merge`, { body: { into: id } });
      expect(self.statusCode).toBe(400);
      expect(errorOf(self).field).toBe('into');
      const none = await call(h, admin, 'POST', `/api/units/${id}/merge`, {
        body: { into: '00000000-0000-4000-8000-000000000000' },
      });
      expect(none.statusCode).toBe(404);
      expect(errorOf(none).field).toBe('into');
    });
  });

  describe('organisations are kept apart', () => {
    it("an admin of another county sees and changes nothing of 三门县's", async () => {
      const plan = makePlan();
      const other = await importPlan(h.t.db, { plan, org: '天台县', file: fileFor(plan) });
      await insertUser(
        h.t.db.kysely,
        { orgId: other.orgId!, actor: 'test', at: h.clock.now.toISOString() },
        {
          id: randomUUID(),
          username: 'tiantai',
          displayName: '天台县改革办',
          role: 'admin',
          unitId: null,
          passwordHash: await hashPassword('tiantai-2022-pass'),
          disabled: false,
        },
      );
      const t = await login(h, 'tiantai', 'tiantai-2022-pass');
      expect((await call(h, t, 'GET', '/api/items?pageSize=200')).json<ItemsPage>().total).toBe(
        plan.items.length,
      );
      expect((await call(h, t, 'GET', '/api/org')).json().name).toBe('天台县');
      const users = (await call(h, t, 'GET', '/api/users')).json<{ users: UserDto[] }>().users;
      expect(users.map((u) => u.username)).toEqual(['tiantai']);
      const sanmenUnit = await h.unitId('县金融中心');
      expect((await call(h, t, 'GET', `/api/units/${sanmenUnit}`)).statusCode).toBe(404);
      expect(
        (await call(h, t, 'PATCH', `/api/units/${sanmenUnit}`, { body: { name: 'x' } })).statusCode,
      ).toBe(404);
      expect(
        (await call(h, t, 'PATCH', `/api/users/${h.users.viewer.id}`, { body: { disabled: true } }))
          .statusCode,
      ).toBe(404);
      expect((await call(h, t, 'DELETE', `/api/users/${h.users.viewer.id}`)).statusCode).toBe(404);
      // Usernames are unique across organisations: sign-in asks for no organisation.
      const dup = await call(h, t, 'POST', '/api/users', {
        body: { username: 'leader', displayName: '领导', role: 'viewer', password: PASSWORD },
      });
      expect(dup.statusCode).toBe(409);
      expect((await call(h, admin, 'GET', '/api/items')).json<ItemsPage>().total).toBe(67);
    });
  });

  describe('the organisation', () => {
    it('reads the name and the warning window; a wider window turns more items yellow', async () => {
      expect((await call(h, admin, 'GET', '/api/org')).json()).toMatchObject({
        name: '三门县',
        warningDays: 30,
      });
      const before = (await call(h, admin, 'GET', '/api/dashboard?asOf=2022-06-30')).json().counts;
      const r = await call(h, admin, 'PATCH', '/api/org', { body: { warningDays: 120 } });
      expect(r.json()).toMatchObject({ warningDays: 120 });
      const after = (await call(h, admin, 'GET', '/api/dashboard?asOf=2022-06-30')).json();
      expect(after.warningDays).toBe(120);
      expect(after.counts.yellow).toBeGreaterThan(before.yellow);
      expect(after.counts.red).toBe(before.red);
    });

    it('renames the organisation; the name must stay unique', async () => {
      const r = await call(h, admin, 'PATCH', '/api/org', { body: { name: '三门县改革办' } });
      expect(r.json().name).toBe('三门县改革办');
      expect(errorOf(await call(h, admin, 'PATCH', '/api/org', { body: { warningDays: -1 } }))).toMatchObject(
        { field: 'warningDays' },
      );
    });
  });
});
