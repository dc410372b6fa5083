import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/test-database.js';
import { call, login, openHarness, type Harness, type Session } from './harness.js';

/**
 * A refused write leaves the data as it was. Who may call which route, and the status and error
 * code each caller gets, is the authorization matrix (authz-matrix.test.ts); this looks behind one
 * refusal the matrix sees only the status of.
 */

describe.each(ENGINES)('a refused write changes nothing (%s)', (engine) => {
  let h: Harness;
  let reporter: Session;

  beforeAll(async () => {
    h = await openHarness(engine);
    reporter = await login(h, 'nongyeju');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reporter cannot change units, neither another unit nor its own', async () => {
    const other = await h.unitId('县金融中心');
    const own = h.users.reporter.unitId!;
    for (const id of [other, own]) {
      const r = await call(h, reporter, 'PATCH', `/api/units/${id}`, { body: { name: '县金融服务中心' } });
      expect(r.statusCode).toBe(403);
      const m = await call(h, reporter, 'POST', `/api/units/${id}/merge`, {
        body: { into: id === own ? other : own },
      });
      expect(m.statusCode).toBe(403);
    }
    const units = (await call(h, reporter, 'GET', '/api/units')).json<{
      units: { id: string; name: string }[];
    }>();
    expect(units.units.find((u) => u.id === other)?.name).toBe('县金融中心');
    expect(units.units.find((u) => u.id === own)?.name).toBe('县农业农村局');
  });
});
