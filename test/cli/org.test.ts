import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/store/database.js';
import { loadConfig } from '../../src/config.js';
import { listAllOrgs } from '../../src/store/org-tree.repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { runCliCaptured } from '../helpers/run-cli.js';

/**
 * `org create`, `org list`, `import --parent` and `import-folder` (issue 9), on both engines
 * (SQLite through DATA_DIR, PostgreSQL through DATABASE_URL), checked in the database as well as
 * in what the commands print.
 */

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');

describe.each(ENGINES)('reform-ledger org and import-folder on %s', (engine) => {
  let dir: string;
  let env: Record<string, string>;
  let pg: TestDatabase | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-org-cli-'));
    if (engine === 'postgres') {
      pg = await openTestDatabase('postgres', { migrate: false });
      env = { DATA_DIR: dir, DATABASE_URL: pg.url! };
    } else env = { DATA_DIR: dir };
  });
  afterEach(async () => {
    await pg?.cleanup();
    pg = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runCliCaptured(args, env);
  async function orgs() {
    const db = await createDatabase(loadConfig(env));
    try {
      const all = await listAllOrgs(db.kysely);
      const name = new Map(all.map((o) => [o.id, o.name]));
      return Object.fromEntries(
        all.map((o) => [o.name, { type: o.type, parent: o.parentId === null ? null : name.get(o.parentId) }]),
      );
    } finally {
      await db.destroy();
    }
  }

  it('creates a tree and lists it, refusing types the tree does not allow', async () => {
    expect((await cli('org', 'create', '浙江省', '--type', 'province')).code).toBe(0);
    const city = await cli('org', 'create', '台州市', '--type', 'city', '--parent', '浙江省');
    expect(city.code, city.stderr).toBe(0);
    expect(city.stdout).toContain('已建立组织“台州市”（市），上级：浙江省');
    expect((await cli('org', 'create', '三门县', '--parent', '台州市')).code).toBe(0);
    expect((await cli('org', 'create', '海润街道', '--type', 'town', '--parent', '三门县')).code).toBe(0);
    const again = await cli('org', 'create', '三门县', '--parent', '台州市');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已存在于“台州市”之下，未作改动');

    const wrong = await cli('org', 'create', '温州市', '--type', 'city', '--parent', '台州市');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('“台州市”（city）下不能建立类型为 city 的组织');
    const nowhere = await cli('org', 'create', '某县', '--parent', '宁波市');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('找不到组织“宁波市”');
    expect((await cli('org', 'create', '某县', '--type', 'village')).code).toBe(2);

    const list = await cli('org', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^组织\s+层级\s+改革库\s+用户数\s+编号$/);
    expect(lines.slice(1).map((l) => /^\s*(└ )?\S+/.exec(l)![0])).toEqual([
      '浙江省',
      '  └ 台州市',
      '    └ 三门县',
      '      └ 海润街道',
    ]);
    const json = JSON.parse((await cli('org', 'list', '--json')).stdout) as { name: string; depth: number }[];
    expect(json.map((o) => [o.name, o.depth])).toEqual([
      ['浙江省', 0],
      ['台州市', 1],
      ['三门县', 2],
      ['海润街道', 3],
    ]);
  });

  it('attaches a county that predates the tree, then requires --parent for new orgs', async () => {
    expect((await cli('import', SEED, '--org', '三门县')).code).toBe(0);
    expect((await cli('org', 'create', '台州市', '--type', 'city')).code).toBe(0);
    const attach = await cli('org', 'create', '三门县', '--parent', '台州市');
    expect(attach.code, attach.stderr).toBe(0);
    expect(attach.stdout).toContain('已挂到“台州市”之下');

    const lone = await cli('import', SEED, '--org', '天台县');
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('须指定上级');
    const placed = await cli('import', SEED, '--org', '天台县', '--parent', '台州市');
    expect(placed.code, placed.stderr).toBe(0);
    const elsewhere = await cli('import', SEED, '--org', '天台县', '--parent', '三门县');
    expect(elsewhere.code).toBe(2);
    expect(await orgs()).toEqual({
      台州市: { type: 'city', parent: null },
      三门县: { type: 'county', parent: '台州市' },
      天台县: { type: 'county', parent: '台州市' },
    });
  });

  it('imports a folder of counties, one org per file, naming the files that failed', async () => {
    expect((await cli('org', 'create', '台州市', '--type', 'city')).code).toBe(0);
    const folder = join(dir, 'plans');
    mkdirSync(folder);
    copyFileSync(SEED, join(folder, '三门县2022年改革库.txt'));
    copyFileSync(SEED, join(folder, '天台县2022年改革库.txt'));
    writeFileSync(join(folder, '仙居县2022年改革库.txt'), 'not a plan at all\n');
    writeFileSync(join(folder, '说明.docx'), 'not a zip');

    const r = await cli('import-folder', folder, '--parent', '台州市', '--org-pattern', '^(.+?县)');
    expect(r.code).toBe(2);
    const rows = r.stdout.split('\n').filter((l) => l.includes('.txt') || l.includes('.docx'));
    expect(rows).toHaveLength(4);
    expect(rows.find((l) => l.startsWith('三门县2022年改革库.txt'))).toMatch(
      /三门县\s+新建组织并导入\s+67\s+1/,
    );
    expect(rows.find((l) => l.startsWith('仙居县2022年改革库.txt'))).toMatch(/仙居县\s+失败/);
    expect(rows.find((l) => l.startsWith('说明.docx'))).toMatch(/—\s+失败/);
    expect(r.stderr).toContain('仙居县2022年改革库.txt：导入失败');
    expect(r.stderr).toContain('说明.docx：导入失败');
    expect(r.stdout).toContain('共 4 个文档：成功 2，失败 2');
    // A failed file leaves nothing behind: no 仙居县.
    expect(await orgs()).toEqual({
      台州市: { type: 'city', parent: null },
      三门县: { type: 'county', parent: '台州市' },
      天台县: { type: 'county', parent: '台州市' },
    });

    rmSync(join(folder, '仙居县2022年改革库.txt'));
    rmSync(join(folder, '说明.docx'));
    const again = await cli('import-folder', folder, '--parent', '台州市', '--org-pattern', '^(.+?县)');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/天台县\s+未变化/);

    const missing = await cli('import-folder', folder, '--parent', '宁波市');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到组织“宁波市”');
  });
});
