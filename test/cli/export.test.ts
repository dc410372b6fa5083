import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { planSchema } from '../../src/domain/plan-schema.js';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/store/database.js';
import { getOrCreateOrg } from '../../src/store/orgs.repository.js';
import { migrateDatabase } from '../../src/services/migrate-database.service.js';
import { openXlsx, rowValues } from '../writers/open-report.js';
import { runCliCaptured } from '../helpers/run-cli.js';

/** `reform-ledger export`: the current plan out of the database, as the ledger workbook or JSON. */
const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');
let dataDir: string;
let env: Record<string, string>;
const out = (name: string) => join(dataDir, name);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rl-export-'));
  env = { DATA_DIR: dataDir };
  const imported = await runCliCaptured(['import', SEED, '--org', '三门县'], env);
  expect(imported.code, imported.stderr).toBe(0);
});

describe('reform-ledger export', () => {
  it('writes the ledger workbook as of a date', async () => {
    const r = await runCliCaptured(
      ['export', '--format', 'xlsx', '--out', out('台账.xlsx'), '--as-of', '2022-06-30'],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('“三门县共同富裕“三十”工程改革库”67 项，状态截至 2022-06-30');
    const rows = rowValues((await openXlsx(readFileSync(out('台账.xlsx')))).worksheets[0]!);
    expect(rows[1]).toContain('状态截至 2022年6月30日');
    expect(rows[3]!.slice(0, 2)).toEqual(['1*', '“农户家庭资产池”融资模式（小微金融助富改革）']);
    expect(rows[3]![6]).toBe('绿（正常）');
  });

  it('writes JSON: the plan as `parse` gives it, and each item’s status', async () => {
    const r = await runCliCaptured(
      ['export', '--format', 'json', '--out', out('plan.json'), '--as-of', '2022-06-30', '--org', '三门县'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out('plan.json'), 'utf8')) as {
      asOf: string;
      plan: unknown;
      statuses: { number: number; status: string }[];
    };
    expect(json.asOf).toBe('2022-06-30');
    expect(planSchema.parse(json.plan).items).toHaveLength(67);
    expect(json.statuses[0]).toMatchObject({ number: 1, status: 'green' });
    expect(json.statuses.filter((s) => s.status === 'red').length).toBeGreaterThan(0);
  });

  it('takes the database from --db: a path to an SQLite file', async () => {
    const r = await runCliCaptured(
      ['export', '--format', 'json', '--out', out('via-db.json'), '--db', join(dataDir, 'reform-ledger.db')],
      {},
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out('via-db.json'))).toBe(true);
  });

  it.each([
    [['--format', 'pdf'], '不支持的格式“pdf”，请用 xlsx 或 json'],
    [['--format', 'xlsx', '--as-of', '2022-02-30'], '“2022-02-30”不是有效日期'],
    [['--format', 'xlsx', '--as-of', '30/06/2022'], '“30/06/2022”不是有效日期'],
    [['--format', 'xlsx', '--org', '临海市'], '找不到组织“临海市”'],
    [['--format', 'xlsx', '--db', '/nonexistent/ledger.db'], '/nonexistent/ledger.db'],
  ])('refuses %j with a clear message and exit code 2, writing nothing', async (args, message) => {
    const file = out(`refused-${args.join('_').replace(/\W/gu, '')}.xlsx`);
    const r = await runCliCaptured(['export', ...args, '--out', file], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(file)).toBe(false);
  });

  it('needs --out', async () => {
    const r = await runCliCaptured(['export', '--format', 'xlsx'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it('says so when the organisation has no plan yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rl-export-empty-'));
    const db = await createDatabase(loadConfig({ DATA_DIR: empty }));
    await migrateDatabase(db);
    await getOrCreateOrg(db.kysely, '临海市', { actor: 'test', at: new Date().toISOString() });
    await db.destroy();
    const r = await runCliCaptured(
      ['export', '--format', 'xlsx', '--org', '临海市', '--out', join(empty, 'x.xlsx')],
      { DATA_DIR: empty },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('组织“临海市”还没有导入方案');
  });
});
