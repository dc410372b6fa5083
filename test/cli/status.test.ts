import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDatabase } from '../../src/store/database.js';
import { findOrgByName } from '../../src/store/orgs.repository.js';
import { findUnit } from '../../src/store/units.repository.js';
import type { StatusOverview } from '../../src/services/status-overview.service.js';
import { content, currentItem, insertReport } from '../helpers/report-rows.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');

describe('reform-ledger status', () => {
  let env: Record<string, string>;
  const json = async (...args: string[]) => {
    const r = await runCliCaptured(['status', '--as-of', '2022-06-30', '--json', ...args], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as StatusOverview;
  };

  beforeAll(async () => {
    env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'rl-status-')) };
    const imported = await runCliCaptured(['import', SEED], env);
    expect(imported.code).toBe(0);
  });

  it('refuses a malformed or missing --as-of with a clear message and exit code 2', async () => {
    const bad = await runCliCaptured(['status', '--as-of', '2022-6-30'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of 2022-6-30：日期格式应为 YYYY-MM-DD，例如 2022-06-30');
    expect(bad.stdout).toBe('');
    const impossible = await runCliCaptured(['status', '--as-of', '2022-02-30', '--lang', 'en-US'], env);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--as-of 2022-02-30: a date is written YYYY-MM-DD');
    const missing = await runCliCaptured(['status'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--as-of');
  });

  it('names an organisation that does not exist', async () => {
    const r = await runCliCaptured(['status', '--as-of', '2022-06-30', '--org', '天台县'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到组织“天台县”');
  });

  it('prints items by status, the red items with their overdue milestones, and the scoreboard', async () => {
    const r = await runCliCaptured(['status', '--as-of', '2022-06-30'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const overview = await json();
    const { counts } = overview;
    expect(counts.total).toBe(67);
    expect(r.stdout).toContain(
      `共 67 项：红色 ${counts.red}，黄色 ${counts.yellow}，绿色 ${counts.green}，已完成 ${counts.done}`,
    );
    expect(r.stdout).toContain(`红色（逾期）事项 ${counts.red} 项：`);
    expect(r.stdout).toContain('  23 低收入农户数字化帮促机制（牵头：县农业农村局）');
    expect(r.stdout).toContain('晾晒排名（截至 2022-06-30；上期名次为截至 2022-06-25）：');
    expect(r.stdout).toMatch(/名次\s+上期\s+牵头单位\s+得分/);
    expect(r.stdout).toContain('得分 = 100 ×（完成率×40 + 按时率×30 + 报送率×30）');
    expect(overview.red).toHaveLength(counts.red);
    expect(overview.red.find((i) => i.number === 23)?.overdue).toEqual([
      { deadline: '2022-03-31', text: expect.stringContaining('2022年3月底前') },
    ]);
  });

  it('reads approved reports and keeps the snapshots of past periods once', async () => {
    const db = await createDatabase(loadConfig(env));
    try {
      const org = (await findOrgByName(db.kysely, '三门县'))!;
      const item = await currentItem(db, org.id, 23);
      await insertReport(db, org.id, {
        item,
        period: '2022-06',
        unitId: (await findUnit(db.kysely, org.id, '县农业农村局'))!.id,
        content: content(item, {
          milestones: {
            0: { state: 'done', doneOn: '2022-03-28' },
            1: { state: 'done', doneOn: '2022-06-18' },
          },
          targets: { 0: { actual: '2.31', unit: '', reportedOn: '2022-06-18' } },
          achievements: { 0: { reached: true, reachedOn: '2022-06-18', evidence: '帮促应用上线通知.pdf' } },
        }),
        steps: [
          ['submit', '2022-06-20T02:00:00.000Z'],
          ['approve', '2022-06-21T02:00:00.000Z'],
        ],
      });
    } finally {
      await db.destroy();
    }
    const first = await json();
    expect(first.red.map((i) => i.number)).not.toContain(23);
    const row = first.scoreboard.rows.find((x) => x.unit.name === '县农业农村局')!;
    expect(row.reports).toMatchObject({ submitted: 1, returned: 0 });
    // Earlier runs kept January to June 2022 (their due dates are long past); this one finds them kept.
    expect(first.snapshotsTaken).toEqual([]);
    const text = await runCliCaptured(['status', '--as-of', '2022-07-31'], env);
    expect(text.stdout).toContain('已保存 1 个周期的状态快照：2022-07');
  });
});
