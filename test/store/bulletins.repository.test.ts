import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/domain/bulletin/build-bulletin.js';
import { listAudit } from '../../src/store/audit.repository.js';
import {
  findBulletin,
  insertDraft,
  lastLayout,
  latestOfPeriod,
  listBulletins,
  publishDraft,
  readDocx,
  updateDraft,
} from '../../src/store/bulletins.repository.js';
import { isUniqueViolation } from '../../src/store/db-errors.js';
import { getOrCreateOrg } from '../../src/store/orgs.repository.js';
import type { WriteContext } from '../../src/store/write-context.js';
import { juneInput } from '../helpers/bulletin-plan.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** The bulletins table (migration 004) on both engines: one draft a period, numbered publications. */

const AT = '2022-06-28T02:00:00.000Z';
const content = buildBulletin(juneInput());

describe.each(ENGINES)('bulletins repository on %s', (engine) => {
  let t: TestDatabase;
  let ctx: WriteContext;
  const draft = (period = '2022-06') => ({
    id: randomUUID(),
    period,
    opening: null,
    redHead: true,
    issuer: '三门县改革办',
    content,
  });

  beforeEach(async () => {
    t = await openTestDatabase(engine);
    const { org } = await getOrCreateOrg(t.db.kysely, '三门县', { actor: 'test', at: AT });
    ctx = { orgId: org.id, actor: 'admin', at: AT };
  });
  afterEach(async () => {
    await t?.cleanup();
  });

  it('keeps the content as it was generated, with the layout, and audits it', async () => {
    const d = draft();
    await insertDraft(t.db.kysely, ctx, d);
    const b = (await findBulletin(t.db.kysely, ctx.orgId, d.id))!;
    expect(b).toMatchObject({
      period: '2022-06',
      status: 'draft',
      seq: null,
      redHead: true,
      issuer: '三门县改革办',
    });
    expect(b.content).toEqual(content);
    expect(await lastLayout(t.db.kysely, ctx.orgId)).toEqual({ redHead: true, issuer: '三门县改革办' });
    const audit = await listAudit(t.db.kysely, ctx.orgId, { entity: 'bulletin' });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([['create', d.id]]);
  });

  it('refuses a second draft of the same period, not of another', async () => {
    await insertDraft(t.db.kysely, ctx, draft());
    await insertDraft(t.db.kysely, ctx, draft('2022-05'));
    const second = insertDraft(t.db.kysely, ctx, draft());
    await expect(second).rejects.toSatisfy(isUniqueViolation);
  });

  it('numbers the publications of a period 1, 2 and keeps each with its document', async () => {
    const first = draft();
    await insertDraft(t.db.kysely, ctx, first);
    const b1 = (await findBulletin(t.db.kysely, ctx.orgId, first.id))!;
    const doc = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    expect(
      await publishDraft(t.db.kysely, ctx, b1, { base64: Buffer.from(doc).toString('base64'), sha256: 'a' }),
    ).toBe(1);
    // Published: no longer a draft, to publish nor to edit.
    expect(await publishDraft(t.db.kysely, ctx, b1, { base64: '', sha256: 'b' })).toBeNull();
    expect(await updateDraft(t.db.kysely, ctx, b1, { opening: '改' })).toBe(false);

    const second = draft();
    await insertDraft(t.db.kysely, ctx, second);
    const b2 = (await findBulletin(t.db.kysely, ctx.orgId, second.id))!;
    expect(await publishDraft(t.db.kysely, ctx, b2, { base64: 'AA==', sha256: 'c' })).toBe(2);

    expect(await readDocx(t.db.kysely, ctx.orgId, first.id)).toEqual(doc);
    expect((await latestOfPeriod(t.db.kysely, ctx.orgId, '2022-06', 'published'))!.id).toBe(second.id);
    expect(
      (await listBulletins(t.db.kysely, ctx.orgId, { publishedOnly: true })).map((b) => b.seq).sort(),
    ).toEqual([1, 2]);
  });

  it('changes only what a patch names, and only while a draft', async () => {
    const d = draft();
    await insertDraft(t.db.kysely, ctx, d);
    const b = (await findBulletin(t.db.kysely, ctx.orgId, d.id))!;
    expect(await updateDraft(t.db.kysely, ctx, b, { opening: '现将有关情况通报如下。' })).toBe(true);
    expect(await findBulletin(t.db.kysely, ctx.orgId, d.id)).toMatchObject({
      opening: '现将有关情况通报如下。',
      redHead: true,
      issuer: '三门县改革办',
    });
  });
});
