import { describe, expect, it, beforeEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { runCliCaptured } from '../helpers/run-cli.js';

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');
let dataDir: string;
let env: Record<string, string>;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rl-import-'));
  env = { DATA_DIR: dataDir };
});

function count(table: string): number {
  const db = new Database(join(dataDir, 'reform-ledger.db'), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The seed with one item's goals reworded and one row removed, as an office would revise it. */
function revisedSeed(): string {
  const text = readFileSync(SEED, 'utf8');
  return text
    .replace('“农户家庭资产池”融资达20亿元以上', '“农户家庭资产池”融资达25亿元以上')
    .replace(/\n\t43\n[\s\S]*?\n\n(?=\t44\n)/u, '\n');
}

describe('reform-ledger import', () => {
  it('imports the Sanmen plan into the embedded database, then sees an identical file as unchanged', async () => {
    const first = await runCliCaptured(['import', SEED, '--org', '三门县'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已导入到“三门县”，版本 1，共 67 项');
    expect(count('items')).toBe(67);
    const again = await runCliCaptured(['import', SEED], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('完全相同，未写入');
    expect(count('items')).toBe(67);
  });

  it('prints the diff of a revised plan and keeps the previous version', async () => {
    await runCliCaptured(['import', SEED], env);
    const revised = join(dataDir, 'sanmen-revised.txt');
    writeFileSync(revised, revisedSeed());
    const dry = await runCliCaptured(['import', revised, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('试运行，未写入');
    expect(count('plan_versions')).toBe(1);

    const r = await runCliCaptured(['import', revised], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('版本 2（新增 0，删除 1，修改 1，');
    expect(r.stdout).toContain('- 删除 43 推行生态产品价值实现机制');
    expect(r.stdout).toMatch(/~ 修改 1 “农户家庭资产池”融资模式（小微金融助富改革）（.*主要目标.*）/);
    expect(count('plan_versions')).toBe(2);
  });

  it('leaves the database untouched when the document is bad', async () => {
    await runCliCaptured(['import', SEED], env);
    const before = count('items');
    const bad = join(dataDir, 'broken.docx');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not really a zip archive at all'));
    const r = await runCliCaptured(['import', bad], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.docx');
    expect(count('items')).toBe(before);
    expect(count('plan_versions')).toBe(1);
  });

  it('imports every document of a folder, reports the one that fails and exits 2', async () => {
    const folder = join(dataDir, 'plans');
    mkdirSync(folder);
    copyFileSync(SEED, join(folder, 'a-sanmen.txt'));
    writeFileSync(join(folder, 'b-empty.csv'), '');
    writeFileSync(join(folder, 'notes.md'), '# not a plan');
    const r = await runCliCaptured(['import', folder, '--org', '三门县'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('a-sanmen.txt：已导入');
    expect(r.stdout).toContain('b-empty.csv：导入失败：文件是空的');
    expect(r.stdout).toContain('共 2 个文档：成功 1，失败 1');
    expect(count('items')).toBe(67);
  });

  it('db migrate is idempotent', async () => {
    const first = await runCliCaptured(['db', 'migrate'], env);
    expect(first.code).toBe(0);
    const second = await runCliCaptured(['db', 'migrate'], env);
    expect(second.stdout).toContain('本次执行 0 个迁移');
  });
});
