import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceDto } from '../../src/shared/api/index.js';
import { importPlan } from '../../src/services/import-plan.service.js';
import { localEvidenceStore, sha256Of, type LocalEvidenceStore } from '../../src/services/evidence-store.js';
import { hashPassword } from '../../src/services/password-hash.js';
import { findUnit } from '../../src/store/units.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { pdf, png } from '../helpers/evidence-files.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { ENGINES, openTestDatabase } from '../helpers/test-database.js';
import {
  call,
  login,
  NOW,
  PASSWORD,
  sanmen,
  openHarness,
  type Harness,
  type Session,
} from '../api/harness.js';

/**
 * `reform-ledger evidence gc` on both engines: real files in a temporary DATA_DIR, rows written
 * and removed through the API, the command run as an operator would (DATA_DIR, DATABASE_URL).
 * Files are made old by setting their modification time back, never by waiting.
 */

const LEAD = '县农业农村局';
const HOURS_AGO = (h: number) => new Date(Date.now() - h * 3600_000);

describe.each(ENGINES)('reform-ledger evidence gc on %s', (engine) => {
  let dataDir: string;
  let h: Harness;
  let store: LocalEvidenceStore;
  let env: Record<string, string>;
  /** 三门县's office, and the office of a second org holding the same plan. */
  let sanmenAdmin: Session;
  let linhaiAdmin: Session;
  let linhaiId: string;
  let periods = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-evidence-gc-'));
    h = await openHarness(engine, { env: { DATA_DIR: dataDir } });
    store = localEvidenceStore(dataDir);
    env = { DATA_DIR: dataDir, DATABASE_URL: h.t.url! };
    const { plan, file } = await sanmen();
    linhaiId = (await importPlan(h.t.db, { plan, org: '临海市', file, now: NOW, actor: 'test' })).orgId!;
    await insertUser(
      h.t.db.kysely,
      { orgId: linhaiId, actor: 'test', at: NOW.toISOString() },
      {
        id: randomUUID(),
        username: 'linhai',
        displayName: 'linhai',
        role: 'admin',
        unitId: null,
        passwordHash: await hashPassword(PASSWORD),
        disabled: false,
      },
    );
    sanmenAdmin = await login(h, 'admin');
    linhaiAdmin = await login(h, 'linhai');
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const gc = (...args: string[]) => runCliCaptured(['evidence', 'gc', ...args], env);

  /** A draft report of item 18 (led by 县农业农村局) in the org, in a period of its own. */
  async function draft(orgId: string): Promise<string> {
    const item = await currentItem(h.t.db, orgId, 18);
    const unit = (await findUnit(h.t.db.kysely, orgId, LEAD))!;
    const period = `2021-${String(++periods).padStart(2, '0')}`;
    return insertReport(h.t.db, orgId, { item, period, unitId: unit.id, content: content(item), steps: [] });
  }

  async function attach(session: Session, reportId: string, name: string, bytes: Buffer): Promise<string> {
    const boundary = '----reform-ledger-gc';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`;
    const r = await h.app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/evidence`,
      payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<EvidenceDto>().id;
  }

  async function remove(session: Session, evidenceId: string): Promise<void> {
    expect((await call(h, session, 'DELETE', `/api/evidence/${evidenceId}`)).statusCode).toBe(204);
  }

  const present = (bytes: Buffer) => existsSync(store.pathOf(sha256Of(bytes)));
  const age = (bytes: Buffer, hours: number) =>
    utimesSync(store.pathOf(sha256Of(bytes)), HOURS_AGO(hours), HOURS_AGO(hours));

  it('removes a blob only when no row in any org names it: one of two sharing rows removed keeps it', async () => {
    const shared = pdf('shared by two reports and two orgs');
    const alone = png(7, 5);
    const first = await draft(h.orgId);
    const second = await draft(h.orgId);
    const elsewhere = await draft(linhaiId);
    const sharedInFirst = await attach(sanmenAdmin, first, '共用材料.pdf', shared);
    const sharedInSecond = await attach(sanmenAdmin, second, '共用材料.pdf', shared);
    const sharedElsewhere = await attach(linhaiAdmin, elsewhere, '同样的材料.pdf', shared);
    const aloneInFirst = await attach(sanmenAdmin, first, '现场照片.png', alone);
    await remove(sanmenAdmin, sharedInFirst);
    await remove(sanmenAdmin, aloneInFirst);
    age(shared, 2);
    age(alone, 2);

    // By default it only says what it would remove.
    const dry = await gc();
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('1 个文件已无任何报送引用');
    expect(dry.stdout).toContain('加 --apply 才会删除');
    expect(dry.stdout).toContain(sha256Of(alone));
    expect(dry.stdout).not.toContain(sha256Of(shared));
    expect(present(alone)).toBe(true);

    const applied = await gc('--apply');
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`已删除 ${sha256Of(alone)}（${alone.length} B`);
    expect(applied.stdout).toContain(`共删除 1 个文件（${alone.length} B）`);
    expect(present(alone)).toBe(false);
    expect(present(shared)).toBe(true);
    const served = await call(h, sanmenAdmin, 'GET', `/api/evidence/${sharedInSecond}`);
    expect(served.statusCode).toBe(200);
    expect(Buffer.compare(served.rawPayload, shared)).toBe(0);

    // The last row in this org goes: the other org's row still keeps the blob.
    await remove(sanmenAdmin, sharedInSecond);
    expect((await gc('--apply')).stdout).not.toContain(sha256Of(shared));
    expect(present(shared)).toBe(true);
    await remove(linhaiAdmin, sharedElsewhere);
    const last = await gc('--apply');
    expect(last.stdout).toContain(`已删除 ${sha256Of(shared)}`);
    expect(present(shared)).toBe(false);

    const again = await gc('--apply');
    expect(again.stdout).toContain('共删除 0 个文件');
  });

  it('leaves files written or reused within the grace period: an upload whose row is not committed yet', async () => {
    const removedNow = pdf('row removed a moment ago');
    const inFlight = pdf('stored, row not yet written');
    const reused = png(9, 9);
    const report = await draft(h.orgId);
    await remove(sanmenAdmin, await attach(sanmenAdmin, report, '刚删除.pdf', removedNow));
    // What attach-evidence does before its transaction: the blob is in the store, the row is not.
    await store.put(inFlight);
    // An old unreferenced blob that an upload has just reused (its row is on the way).
    await store.put(reused);
    age(reused, 5);
    await store.put(Buffer.from(reused));

    const first = await gc('--apply');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('另有 3 个无人引用的文件');
    expect(first.stdout).toContain('在最近 60 分钟内写入');
    expect([present(removedNow), present(inFlight), present(reused)]).toEqual([true, true, true]);

    // Older than the default hour: gone; half an hour old: kept until the grace is shortened.
    age(removedNow, 2);
    age(reused, 2);
    age(inFlight, 0.5);
    const second = await gc('--apply');
    expect(second.stdout).toContain('共删除 2 个文件');
    expect([present(removedNow), present(inFlight), present(reused)]).toEqual([false, true, false]);
    expect(second.stdout).toContain('另有 1 个无人引用的文件');

    const shorter = await gc('--apply', '--min-age-minutes', '20');
    expect(shorter.stdout).toContain(`已删除 ${sha256Of(inFlight)}`);
    expect(present(inFlight)).toBe(false);
  });

  it('removes what a crashed write left behind once it is old, and speaks English when asked', async () => {
    const sha = sha256Of(pdf('crashed write'));
    const folder = dirname(store.pathOf(sha));
    mkdirSync(folder, { recursive: true });
    const temp = join(folder, `.${sha}.a1b2c3d4e5f6.tmp`);
    writeFileSync(temp, 'half a file');
    const en = (...args: string[]) => runCliCaptured(['evidence', 'gc', '--lang', 'en-US', ...args], env);
    // It may be a put in progress.
    expect((await en('--apply')).stdout).toContain(
      'Unreferenced files written in the last 60 minutes, left for now',
    );
    expect(existsSync(temp)).toBe(true);
    utimesSync(temp, HOURS_AGO(3), HOURS_AGO(3));
    const listed = await en();
    expect(listed.stdout).toContain('--apply removes them:');
    expect(listed.stdout).toMatch(
      new RegExp(`  ${sha}  11 B  last written \\S+ \\(temporary file of an interrupted write\\)`),
    );
    expect(existsSync(temp)).toBe(true);
    expect((await en('--apply')).stdout).toContain(`Removed ${sha} (11 B, last written`);
    expect(existsSync(temp)).toBe(false);
  });

  it('refuses a database with no organisation or a SQLite file that is not there, and a bad grace period', async () => {
    const orphan = pdf('kept whatever the database says');
    await store.put(orphan);
    age(orphan, 10);
    const empty = await openTestDatabase(engine);
    try {
      const r = await runCliCaptured(['evidence', 'gc', '--apply'], {
        DATA_DIR: dataDir,
        DATABASE_URL: empty.url!,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('数据库中没有任何组织');
      expect(present(orphan)).toBe(true);
    } finally {
      await empty.cleanup();
    }
    if (engine === 'sqlite') {
      const nowhere = join(dataDir, 'no-such.db');
      const r = await runCliCaptured(['evidence', 'gc'], {
        DATA_DIR: dataDir,
        DATABASE_URL: `sqlite:${nowhere}`,
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('找不到数据库文件');
      expect(existsSync(nowhere)).toBe(false);
    }
    for (const bad of ['-5', 'soon', '1.5']) {
      const r = await gc('--min-age-minutes', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('须为不小于 0 的整数');
    }
    expect(present(orphan)).toBe(true);
  });
});
